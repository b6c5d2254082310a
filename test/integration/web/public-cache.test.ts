// Public pages that are the same for everyone come from memory: ETag, 304, Cache-Control: public, no
// cookie; a new data version (the statistics engine reloaded) renders them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { DatasetInfo, StatsEngine } from '../../../src/stats/engine.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase } from '../../helpers/db.ts';

describe('public page cache', () => {
  let handle: DatabaseHandle;
  let app: ReturnType<typeof testApp>['app'];
  // The engine's dataset list, replaced as a reload replaces it.
  let datasets: DatasetInfo[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
    const engine = createStatsEngine({ indicators: testConfig().agency.indicators });
    const stats = Object.assign(Object.create(engine) as StatsEngine, { datasets: () => datasets });
    ({ app } = testApp(handle, { stats }));
  });
  afterAll(() => handle.close());

  it('serves the home page again with the same ETag, public caching, no cookie, and 304 for a repeat', async () => {
    const first = await app.request('/');
    const html = await first.text();
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('set-cookie')).toBeNull();

    const second = await app.request('/');
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe(html);
    // The page's own headers come along from memory.
    expect(second.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(second.headers.get('content-type')).toContain('text/html');

    const repeat = await app.request('/', { headers: { 'if-none-match': etag! } });
    expect(repeat.status).toBe(304);
    expect(await repeat.text()).toBe('');
  });

  it('keeps one copy per language and leaves ?lang= (which sets the cookie) uncached', async () => {
    const en = await app.request('/', { headers: { cookie: 'lang=en' } });
    expect(await en.text()).toContain('<html lang="en">');
    const es = await app.request('/');
    expect(await es.text()).toContain('<html lang="es-MX">');
    const switching = await app.request('/?lang=en');
    expect(switching.headers.get('set-cookie')).toContain('lang=en');
    expect(switching.headers.get('cache-control')).not.toBe('public, max-age=60');
  });

  it('renders again after the statistics are reloaded (a new data version)', async () => {
    const before = await (await app.request('/datos')).text();
    expect(before).not.toContain('Edición de prueba');
    datasets = [
      {
        id: 'census_2020_iter' as DatasetInfo['id'],
        title: 'Censo de prueba',
        source: 'INEGI',
        edition: 'Edición de prueba',
        fileName: 'x.csv',
        sha256: '0'.repeat(64),
        rows: 10,
        facts: 10,
        importedAt: new Date('2026-01-02T00:00:00Z'),
      },
    ];
    const after = await (await app.request('/datos')).text();
    expect(after).toContain('Edición de prueba');
  });

  it('still hands a CSRF cookie to pages with forms', async () => {
    const res = await app.request('/consulta');
    expect(res.headers.get('set-cookie') ?? '').toContain('dato_csrf=');
    expect(res.headers.get('etag')).toBeNull();
  });
});
