import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { anonymousClient, isSpanishMessage, refusalMessages, rowCounts } from '../../helpers/security.ts';

const VALID = {
  indicators: ['population_total'],
  geo: 'mun:15106',
  years: [2020],
  formats: ['xlsx', 'csv'],
  purpose: 'Investigación sobre crecimiento urbano',
  requester: { name: 'Luis Gómez', email: 'luis@example.org', sector: 'gobierno_municipal' },
  privacyConsent: true,
};

/** Text a person or an attacker might type: markup, formulas, control and astral characters, long runs. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "=cmd|' /C calc'!A0",
    '../../../etc/passwd',
    '\u0000\u202e\ufeff',
    "'; DROP TABLE requests; --",
    'x'.repeat(5000),
  ),
);

/** One field of a valid body replaced by a value that field cannot take. */
const brokenBody = fc
  .oneof(
    fc.record({
      indicators: fc.oneof(
        fc.constant(null),
        fc.integer(),
        fc.array(
          nasty.map((s) => `zz ${s}`),
          { minLength: 1 },
        ),
      ),
    }),
    fc.record({
      geo: fc.oneof(
        fc.constant(null),
        fc.integer(),
        nasty.map((s) => `x${s}`),
        fc.record({ type: nasty }),
      ),
    }),
    fc.record({ years: fc.oneof(nasty, fc.array(fc.integer({ min: 2101 }), { minLength: 1 })) }),
    fc.record({
      formats: fc.oneof(
        fc.constant('xlsx'),
        fc.array(
          nasty.map((s) => `zz${s}`),
          { minLength: 1 },
        ),
      ),
    }),
    fc.record({
      purpose: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant('x'.repeat(2001))),
    }),
    fc.record({
      requester: fc.oneof(
        fc.constant(null),
        fc.record({
          name: nasty,
          email: nasty.map((s) => `${s.replace(/@/g, '')} sin arroba`),
          sector: nasty,
        }),
      ),
    }),
    fc.record({ privacyConsent: fc.oneof(fc.constant(false), nasty) }),
  )
  .map((patch) => ({ ...VALID, ...patch }));

/** Every field name the request journey reads, to post any of them to any step. */
const FORM_FIELDS = [
  'indicators',
  'otherText',
  'geoLevel',
  'geo',
  'geojsonText',
  'years',
  'yearsOther',
  'formats',
  'purpose',
  'name',
  'email',
  'sector',
  'organization',
  'phone',
  'privacyConsent',
  'publishConsent',
  'publishConsentShown',
  'website',
  'altcha',
  'allowDuplicate',
];
const STEPS = [
  'indicadores',
  'geografia',
  'lugar',
  'anios',
  'formatos',
  'proposito',
  'datos',
  'consentimiento',
];

describe.each(testEngines())('bad input on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    // Limits off: the fuzzing would otherwise be answered 429 after a few tries.
    ({ app, deps } = testApp(handle, { clock, config: testConfig({ RATE_LIMIT_DISABLED: '1' }) }));
  });
  afterAll(() => handle.close());

  async function expectRefusedInSpanish(label: string, res: Response, html?: string) {
    expect([label, res.status, res.status >= 400 && res.status < 500]).toEqual([label, res.status, true]);
    const messages = await refusalMessages(res, html || undefined);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect([label, m, isSpanishMessage(m)]).toEqual([label, m, true]);
  }

  const api = (path: string, body: BodyInit, type = 'application/json') =>
    app.request(path, { method: 'POST', headers: { 'content-type': type }, body });

  it('POST /api/v1/requests: arbitrary JSON and bodies with one broken field → 4xx in Spanish, nothing stored', async () => {
    const before = await rowCounts(deps.db);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), brokenBody), async (body) => {
        const res = await api('/api/v1/requests', JSON.stringify(body));
        await expectRefusedInSpanish(JSON.stringify(body).slice(0, 200), res);
      }),
      { numRuns: 60 },
    );
    expect(await rowCounts(deps.db)).toEqual(before);
  });

  it('API bodies: invalid UTF-8, not JSON, wrong content types, deep nesting, huge GeoJSON, over 2 MB', async () => {
    const before = await rowCounts(deps.db);
    const invalidUtf8 = new Uint8Array([
      0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d,
    ]);
    const ring = Array.from({ length: 20_000 }, (_, i) => [-99 + Math.cos(i) * 0.1, 19 + Math.sin(i) * 0.1]);
    ring.push(ring[0]!);
    const hugePolygon = { ...VALID, geo: { type: 'Polygon', coordinates: [ring] } };
    const cases: [string, Response][] = [
      ['invalid utf-8', await api('/api/v1/requests', invalidUtf8)],
      ['not json', await api('/api/v1/requests', '{"indicators": [')],
      [
        'form type',
        await api('/api/v1/requests', 'indicators=population_total', 'application/x-www-form-urlencoded'),
      ],
      ['text type', await api('/api/v1/requests', 'hola', 'text/plain')],
      ['deep nesting', await api('/api/v1/requests', `${'['.repeat(5000)}${']'.repeat(5000)}`)],
      ['huge polygon', await api('/api/v1/requests', JSON.stringify(hugePolygon))],
      ['values invalid utf-8', await api('/api/v1/values', invalidUtf8)],
      ['values text', await api('/api/v1/values', 'hola', 'text/plain')],
    ];
    for (const [label, res] of cases) await expectRefusedInSpanish(label, res);
    const big = JSON.stringify({ ...VALID, purpose: 'x'.repeat(3 * 1024 * 1024) });
    const tooBig = await api('/api/v1/requests', big);
    expect(tooBig.status).toBe(413);
    await expectRefusedInSpanish('413 api', tooBig);
    const form = await anonymousClient(app);
    const bigForm = await form.post('/solicitud/nueva/proposito', { purpose: 'x'.repeat(3 * 1024 * 1024) });
    expect(bigForm.status).toBe(413);
    await expectRefusedInSpanish('413 form', bigForm.res, bigForm.html);
    expect(await rowCounts(deps.db)).toEqual(before);
  });

  it('GET and POST /api/v1/values: any parameters → an answer or a 4xx in Spanish, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { indicator: nasty, geo: nasty, year: fc.oneof(nasty, fc.integer().map(String)) },
          { requiredKeys: [] },
        ),
        fc.jsonValue(),
        async (params, body) => {
          const get = await app.request(`/api/v1/values?${new URLSearchParams(params)}`);
          expect(get.status).toBeLessThan(500);
          if (get.status >= 400) await expectRefusedInSpanish(`GET ${JSON.stringify(params)}`, get);
          const post = await api('/api/v1/values', JSON.stringify(body));
          expect(post.status).toBeLessThan(500);
          if (post.status >= 400)
            await expectRefusedInSpanish(`POST ${JSON.stringify(body).slice(0, 100)}`, post);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('every step of the request form: any fields → next step or the form again with Spanish errors; no request, no e-mail', async () => {
    const before = await rowCounts(deps.db, ['requests', 'outbox_jobs', 'audit_log']);
    const client = await anonymousClient(app);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STEPS, 'enviar'),
        fc.dictionary(fc.constantFrom(...FORM_FIELDS), nasty, { maxKeys: 6 }),
        async (step, fields) => {
          const res = await client.post(`/solicitud/nueva/${step}`, fields);
          const label = `${step} ${JSON.stringify(fields).slice(0, 200)}`;
          expect([label, res.status < 500]).toEqual([label, true]);
          if (res.status >= 400) await expectRefusedInSpanish(label, res.res, res.html);
          else expect([label, res.status]).toEqual([label, 303]);
        },
      ),
      { numRuns: 80 },
    );
    expect(await rowCounts(deps.db, ['requests', 'outbox_jobs', 'audit_log'])).toEqual(before);
  });

  it('the other public forms (status lookup, sign-in link, staff sign-in, verification) never fail with a 5xx', async () => {
    // Failed staff sign-ins are audited on purpose: only requests must not change.
    const before = await rowCounts(deps.db, ['requests']);
    const client = await anonymousClient(app);
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (a, b) => {
        for (const [path, fields] of [
          ['/consulta', { folio: a, email: b }],
          ['/mis-solicitudes/acceso', { email: `${a}${b}` }],
          ['/staff', { email: a, password: b }],
          ['/verificar/ABCD-EFGH', { codigo: a }],
        ] as const) {
          const res = await client.post(path, fields);
          const label = `${path} ${JSON.stringify(fields).slice(0, 120)}`;
          expect([label, res.status < 500]).toEqual([label, true]);
          if (res.status >= 400 && res.status !== 404) await expectRefusedInSpanish(label, res.res, res.html);
        }
      }),
      { numRuns: 15 },
    );
    expect(await rowCounts(deps.db, ['requests'])).toEqual(before);
  });

  it('a NUL byte (PostgreSQL text cannot hold one) in any text field is refused or cleaned, never a 5xx', async () => {
    const before = await rowCounts(deps.db, ['requests']);
    const nul = 'a\u0000b';
    const client = await anonymousClient(app);
    const forms: [string, Record<string, string>][] = [
      ['/staff', { email: `x${nul}@example.org`, password: nul }],
      ['/consulta', { folio: nul, email: nul }],
      ['/mis-solicitudes/acceso', { email: `x${nul}@example.org` }],
      ['/mis-solicitudes/entrar', { token: nul }],
      ['/verificar/ABCD-EFGH', { codigo: nul }],
      ['/solicitud/nueva/indicadores', { indicators: nul, otherText: nul }],
      ['/solicitud/nueva/proposito', { purpose: `Un propósito largo ${nul}` }],
      ['/solicitud/nueva/datos', { name: nul, email: nul, organization: nul, phone: nul, sector: nul }],
    ];
    for (const [path, fields] of forms) {
      const res = await client.post(path, fields);
      expect([path, res.status < 500]).toEqual([path, true]);
      if (res.status >= 400 && res.status !== 404) await expectRefusedInSpanish(path, res.res, res.html);
    }
    for (const patch of [
      { purpose: `Un propósito largo ${nul}` },
      { otherText: nul },
      { requester: { ...VALID.requester, name: nul, organization: nul } },
    ]) {
      const res = await api('/api/v1/requests', JSON.stringify({ ...VALID, ...patch }));
      expect([patch, res.status < 500]).toEqual([patch, true]);
      if (res.status >= 400) await expectRefusedInSpanish(JSON.stringify(patch), res);
    }
    expect((await rowCounts(deps.db, ['requests'])).requests).toBeLessThanOrEqual((before.requests ?? 0) + 3);
  });

  it('form posts with a wrong content type or broken encoding are refused in Spanish, not a 5xx', async () => {
    const client = await anonymousClient(app);
    const cookie = [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const [type, body] of [
      ['application/json', '{"purpose":"hola"}'],
      ['text/plain', 'purpose=hola'],
      ['application/x-www-form-urlencoded', 'purpose=%FF%FE%C3%28&_csrf=%E0%A4%A'],
      ['multipart/form-data; boundary=nada', '--otra\r\nbasura'],
    ] as const) {
      const res = await app.request('/solicitud/nueva/proposito', {
        method: 'POST',
        headers: { 'content-type': type, cookie },
        body,
      });
      await expectRefusedInSpanish(type, res);
    }
    // The token in the header (as scripts send it) and a broken multipart body: still a 400.
    const token = /name="_csrf" value="([^"]+)"/.exec(client.html)?.[1] ?? '';
    const res = await app.request('/solicitud/nueva/proposito', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=nada', cookie, 'x-csrf-token': token },
      body: '--otra\r\nbasura',
    });
    expect(res.status).toBe(400);
    await expectRefusedInSpanish('header token, broken multipart', res);
  });
});
