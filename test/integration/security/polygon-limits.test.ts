// Issue 16 finding 5 (first part): the intake's polygon limit on the statistics API, before any clipping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { LIMITS } from '../../../src/services/requests/request-input.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase } from '../../helpers/db.ts';

/** A closed ring of `n` distinct vertices around Toluca. */
function ring(n: number) {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return [-99.65 + 0.1 * Math.cos(a), 19.29 + 0.1 * Math.sin(a)];
  });
  return { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
}

describe('polygons on /api/v1/values', () => {
  let handle: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    ({ app } = testApp(handle, { config: testConfig({ RATE_LIMIT_DISABLED: '1' }) }));
  });
  afterAll(() => handle.close());

  it('over the intake limit of vertices: a Spanish 400, for POST and GET alike', async () => {
    const big = ring(LIMITS.geojsonVertices + 1);
    const post = await app.request('/api/v1/values', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ indicators: ['population_total'], geo: big }),
    });
    expect(post.status).toBe(400);
    expect(JSON.stringify(await post.json())).toContain('se aceptan hasta 5000');
    const get = await app.request(
      `/api/v1/values?indicator=population_total&geo=${encodeURIComponent(JSON.stringify(ring(LIMITS.geojsonVertices + 1)).slice(0, 3900))}`,
    );
    expect(get.status).toBe(400);
    const notPolygon = await app.request('/api/v1/values', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ indicators: ['population_total'], geo: { type: 'Point', coordinates: [0, 0] } }),
    });
    expect(notPolygon.status).toBe(400);
  });
});
