// Issue 21/16: rate limits shared by every web process on PostgreSQL, and the client IP taken from
// what the trusted proxy appended, not from what the client wrote in X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import type { AppProcess } from '../../helpers/processes.ts';
import { processFixture } from '../reliability/harness.ts';

const tmpl = inject('postgresTemplate');
if (!tmpl) console.warn('OMITIDA security/shared-rate-limit (procesos): sin TEST_DATABASE_URL (corre en CI)');

const LIMIT = 6;

describe.skipIf(!tmpl)('two web processes on one PostgreSQL share the API limit', () => {
  let fx: Awaited<ReturnType<typeof processFixture>>;
  let webs: AppProcess[] = [];
  beforeAll(async () => {
    fx = await processFixture(tmpl!);
    const env = fx.env({ RATE_LIMIT_DISABLED: '0', RATE_LIMIT_API_PER_IP_MINUTE: String(LIMIT) });
    const first = await fx.group.start({ name: 'web-1', role: 'web', env });
    webs = [first, await fx.group.start({ name: 'web-2', role: 'web', env })];
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });

  it('2× the limit split across both: 429 after the limit, not after twice the limit', {
    timeout: 60_000,
  }, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT; i++) {
      const res = await fetch(`${webs[i % 2]!.url}/api/v1/service-stats`);
      await res.body?.cancel();
      statuses.push(res.status);
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(200));
    expect(statuses.slice(LIMIT)).toEqual(Array(LIMIT).fill(429));
  });
});

describe('behind a trusted proxy the client IP is what the proxy appended', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase('pglite');
  });
  afterAll(() => handle.close());

  const call = async (app: ReturnType<typeof testApp>['app'], xff: string) =>
    (await app.request('/api/v1/indicators', { headers: { 'x-forwarded-for': xff } })).status;

  it('a client cannot get a fresh limit by writing its own X-Forwarded-For entries', async () => {
    const { app } = testApp(handle, {
      config: testConfig({ RATE_LIMIT_TRUST_PROXY: '1', RATE_LIMIT_API_PER_IP_MINUTE: '3' }),
    });
    // The proxy appends the real peer (203.0.113.7); the entries before it are the client's own.
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await call(app, `10.0.0.${i}, 203.0.113.7`));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another real client still passes.
    expect(await call(app, '10.0.0.1, 198.51.100.9')).toBe(200);
  });

  it('with RATE_LIMIT_TRUSTED_PROXY_HOPS=2 the client is the second entry from the right', async () => {
    const { app } = testApp(handle, {
      config: testConfig({
        RATE_LIMIT_TRUST_PROXY: '1',
        RATE_LIMIT_TRUSTED_PROXY_HOPS: '2',
        RATE_LIMIT_API_PER_IP_MINUTE: '2',
      }),
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await call(app, `spoof-${i}, 203.0.113.7, 10.1.1.1`));
    expect(statuses).toEqual([200, 200, 429]);
    expect(testConfig().rateLimits.trustedProxyHops).toBe(1);
  });
});
