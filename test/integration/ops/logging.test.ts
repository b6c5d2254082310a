import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

describe.each(testEngines())('the request log on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('records one JSON line per request with its id and route pattern, and no personal data', async () => {
    const { app, log } = testApp(handle);
    const secrets = ['token-secreto-abc123', 'persona.real@example.org', 'Juana%20P%C3%A9rez'];
    const res = await app.request(`/acceso/${secrets[0]}?email=${secrets[1]}&nombre=${secrets[2]}`, {
      headers: { 'User-Agent': 'prueba' },
    });
    await app.request('/healthz?correo=persona.real@example.org');
    const lines = log.lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      path: 'unmatched',
      status: 404,
    });
    expect(lines[1]).toMatchObject({ path: '/healthz', status: 200 });
    for (const s of [...secrets, 'persona.real', 'Juana']) expect(log.lines.join('\n')).not.toContain(s);
  });
});
