// Issue 16 finding 5 / issue 21: the requester portal's sign-in link and folio look-up, the public
// /verificar pages and the statistics API's POST /api/v1/values count against the same limit however
// many web processes serve them: on PostgreSQL the counters are rows of rate_limit_counters, so two
// apps on one database share the count (PGlite is one process by design: its counters are in memory).
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { refusalMessages } from '../../helpers/security.ts';
import { formClient } from '../portal/form-client.ts';

describe.each(testEngines())('page rate limits on %s', (engine) => {
  let handle: DatabaseHandle;
  let apps: Hono<AppEnv>[];
  const clock = fixedClock('2026-11-23T16:00:00Z');
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    const config = testConfig({
      RATE_LIMIT_DISABLED: '0',
      RATE_LIMIT_SIGN_IN_PER_EMAIL_HOUR: '2',
      RATE_LIMIT_LOOKUP_PER_IP_HOUR: '3',
      RATE_LIMIT_API_PER_IP_MINUTE: '4',
    });
    // Two app instances over one database: two web processes. On PGlite there is only ever one, so
    // both requests go to the same instance there.
    const one = testApp(handle, { config, clock }).app;
    const two = engine === 'postgres' ? testApp(handle, { config, clock }).app : one;
    apps = [one, two];
  });
  afterAll(() => handle.close());

  /** Sends `n` requests alternating between the two instances; the statuses in order. */
  async function alternate(n: number, send: (app: Hono<AppEnv>, i: number) => Response | Promise<Response>) {
    const out: { status: number; messages: string[] }[] = [];
    for (let i = 0; i < n; i++) {
      const res = await send(apps[i % 2]!, i);
      out.push({ status: res.status, messages: res.status === 429 ? await refusalMessages(res) : [] });
      await res.body?.cancel();
    }
    return out;
  }

  /** A form POST with a fresh CSRF token from a GET of `page` on the same instance. */
  async function formPost(app: Hono<AppEnv>, page: string, path: string, fields: Record<string, string>) {
    const client = formClient(app);
    await client.get(page);
    const r = await client.post(path, fields);
    // The client has read the body: hand it back as a fresh response.
    return new Response(r.html || null, { status: r.status, headers: r.res.headers });
  }

  it('the sign-in link: 2 per e-mail and hour across both instances, then a Spanish 429', async () => {
    const r = await alternate(4, (app) =>
      formPost(app, '/mis-solicitudes', '/mis-solicitudes/acceso', { email: 'limite@example.org' }),
    );
    expect(r.map((x) => x.status)).toEqual([303, 303, 429, 429]);
    expect(r[2]!.messages.join(' ')).toMatch(/Demasiadas|intenta de nuevo|espera/i);
  });

  it('the folio look-up (/consulta): 3 per IP and hour across both instances', async () => {
    const r = await alternate(5, (app, i) =>
      formPost(app, '/consulta', '/consulta', { folio: `COESPO-2026-0000${i}`, email: 'x@example.org' }),
    );
    // An unknown folio is a 400 with the form again; the fourth is refused before any look-up.
    expect(r.map((x) => x.status)).toEqual([400, 400, 400, 429, 429]);
  });

  it('/verificar: 30 per IP and minute across both instances', async () => {
    const r = await alternate(32, (app) => app.request('/verificar/ABCDEFGHJKMNPQRS'));
    expect(r.slice(0, 30).every((x) => x.status !== 429)).toBe(true);
    expect(r.slice(30).map((x) => x.status)).toEqual([429, 429]);
  });

  it('POST /api/v1/values: the API limit of 4 per IP and minute across both instances', async () => {
    const r = await alternate(6, (app) =>
      app.request('/api/v1/values', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ indicators: ['population_total'], geo: 'mun:15106' }),
      }),
    );
    expect(r.slice(0, 4).every((x) => x.status !== 429)).toBe(true);
    expect(r.slice(4).map((x) => x.status)).toEqual([429, 429]);
  });
});
