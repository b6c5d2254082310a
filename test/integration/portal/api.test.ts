import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { answers, outboxJobs, requests } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { portalCatalog } from '../../../src/services/requests/catalog.ts';
import { submitRequest } from '../../../src/services/requests/submit-request.ts';
import { sha256Hex } from '../../../src/services/requests/tokens.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { postRequestsApi } from '../../helpers/api.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';

const body = (email: string, extra: Record<string, unknown> = {}) => ({
  indicators: ['population_total'],
  geo: 'mun:15106',
  years: [2020],
  formats: ['xlsx', 'csv'],
  purpose: 'Investigación sobre crecimiento urbano',
  requester: { name: 'Luis Gómez', email, sector: 'gobierno_municipal' },
  privacyConsent: true,
  ...extra,
});

describe.each(testEngines())('requests API on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  const post = (b: unknown, headers: Record<string, string> = {}) => postRequestsApi(app, b, headers);
  const count = async () => (await handle.db.select({ id: requests.id }).from(requests)).length;

  it('POST → 201 with folio, status, due time and a tracking token; GET with the token shows it', async () => {
    const res = await post(body('luis@example.org'));
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json).toMatchObject({ folio: 'COESPO-2026-000001', status: 'received' });
    expect(new Date(json.dueAt).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(json.trackingUrl).toBe(
      `http://127.0.0.1:3000/seguimiento/COESPO-2026-000001/${json.trackingToken}`,
    );

    const got = await app.request(`/api/v1/requests/${json.folio}`, {
      headers: { authorization: `Bearer ${json.trackingToken}` },
    });
    expect(got.status).toBe(200);
    const view = await got.json();
    expect(view).toMatchObject({
      folio: 'COESPO-2026-000001',
      status: 'received',
      statusLabel: 'Recibida',
      dueAt: json.dueAt,
      documents: [],
    });
    expect(view.timeline).toEqual([
      { at: '2026-11-24T17:00:00.000Z', event: 'submitted', status: 'received', label: 'Solicitud recibida' },
    ]);
    expect(JSON.stringify(view)).not.toContain('luis@example.org');

    // The tracking link works in a browser too.
    const page = await app.request(new URL(json.trackingUrl).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('COESPO-2026-000001');
  });

  it('GET with a wrong or missing token → 404, same as a folio that does not exist', async () => {
    const none = await app.request('/api/v1/requests/COESPO-2026-000001');
    const wrong = await app.request('/api/v1/requests/COESPO-2026-000001', {
      headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    const missing = await app.request('/api/v1/requests/COESPO-2026-009999', {
      headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    for (const r of [none, wrong, missing]) {
      expect(r.status).toBe(404);
      expect(await r.json()).toEqual({
        error: { code: 'not_found', message: 'No encontramos la solicitud.' },
      });
    }
    expect((await app.request('/seguimiento/COESPO-2026-000001/aaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
  });

  it('invalid body → 400 with Spanish field errors and nothing stored', async () => {
    const before = await count();
    const jobsBefore = (await handle.db.select().from(outboxJobs)).length;
    const res = await post({
      indicators: ['no_existe'],
      geo: 'mun:99999',
      years: [],
      formats: ['pdf'],
      purpose: '',
      requester: { name: '', email: 'x', sector: 'otro' },
      privacyConsent: false,
    });
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    const fields = Object.fromEntries(
      errors.map((e: { field: string; message: string }) => [e.field, e.message]),
    );
    expect(fields).toMatchObject({
      indicators: 'Uno de los indicadores elegidos no existe en el catálogo.',
      years: 'Elige al menos un año.',
      formats: 'Elige formatos de la lista: xlsx, csv, chart, map u oficio.',
      purpose: 'Cuéntanos para qué usarás la información.',
      'requester.name': 'Escribe tu nombre completo.',
      'requester.email': 'Escribe un correo electrónico válido, como nombre@ejemplo.com.',
      'requester.sector': 'Elige tu sector.',
      privacyConsent: 'Para enviar la solicitud debes aceptar el aviso de privacidad.',
    });
    const geo = await post(body('geo@example.org', { geo: 'mun:99999' }));
    expect(await geo.json()).toEqual({
      errors: [{ field: 'geo', message: expect.stringContaining('no existe') }],
    });
    const notJson = await post('{no es json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      errors: [{ field: 'body', message: 'El cuerpo de la petición no es JSON válido.' }],
    });
    expect(await count()).toBe(before);
    expect((await handle.db.select().from(outboxJobs)).length).toBe(jobsBefore);
  });

  it('a NUL character in a text field is dropped, not a server error', async () => {
    const res = await post(body('nul@example.org', { purpose: 'Investigación\u0000 sobre vivienda' }));
    expect(res.status).toBe(201);
    const { folio } = await res.json();
    const [row] = await handle.db.select().from(requests).where(eq(requests.folio, folio));
    expect(row!.purpose).toBe('Investigación sobre vivienda');
  });

  it('accepts a GeoJSON polygon as geo', async () => {
    const polygon = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-99.7, 19.2],
            [-99.5, 19.2],
            [-99.5, 19.4],
            [-99.7, 19.2],
          ],
        ],
      },
    };
    const res = await post(body('poly@example.org', { geo: polygon }));
    expect(res.status).toBe(201);
    const { folio } = await res.json();
    const [row] = await handle.db.select().from(requests).where(eq(requests.folio, folio));
    expect(row!.geo).toMatch(/^polygon:[0-9a-f]{16}$/);
    expect(row!.geoGeojson).toEqual(polygon.geometry);
  });

  it('Idempotency-Key: the same key and body give the same request once; another body → 422', async () => {
    const before = await count();
    const b = body('idem@example.org');
    const first = await post(b, { 'idempotency-key': 'clave-123' });
    const again = await post(b, { 'idempotency-key': 'clave-123' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, c] = [await first.json(), await again.json()];
    expect(c).toEqual(a);
    expect(await count()).toBe(before + 1);
    const other = await post(body('idem@example.org', { years: [2010] }), { 'idempotency-key': 'clave-123' });
    expect(other.status).toBe(422);
    expect(await count()).toBe(before + 1);
  });

  it('Idempotency-Key under concurrent retries → one request, same answer to all', async () => {
    const before = await count();
    const b = body('carrera@example.org', { years: [2015] });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post(b, { 'idempotency-key': 'carrera-1' }).then((r) => r.json())),
    );
    expect(new Set(results.map((r) => r.folio)).size).toBe(1);
    expect(new Set(results.map((r) => r.trackingToken)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('the duplicate guard answers 409 without the existing folio (it goes to the address on file)', async () => {
    const first = await (await post(body('dup@example.org', { years: [2010, 2020] }))).json();
    const second = await post(body('DUP@example.org', { years: [2020, 2010] }));
    expect(second.status).toBe(409);
    const message = (await second.json()).error.message;
    expect(message).toContain('Enviamos su folio a ese correo');
    expect(message).not.toContain(first.folio);
    clock.advance(25 * 3600_000);
    expect((await post(body('dup@example.org', { years: [2010, 2020] }))).status).toBe(201);
  });

  it('the OpenAPI document describes the requests endpoints', async () => {
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/requests', '/requests/{folio}', '/requests/{folio}/documents/{sha256}']),
    );
    expect(doc.components.schemas.RequestInput.properties.requester.properties.sector.enum).toContain('osc');
  });

  it('folios stay gapless and unique under concurrent submits', async () => {
    const catalog = portalCatalog();
    const rows = await handle.db.select({ folio: requests.folio }).from(requests);
    const start = rows.length;
    const n = 25;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        submitRequest(deps, {
          body: body(`concurrente${i}@example.org`),
          locale: 'es-MX',
          catalog,
        }),
      ),
    );
    const folios = results.map((r) => (r.kind === 'created' ? r.request.folio : 'duplicate'));
    expect(new Set(folios).size).toBe(n);
    const seqs = folios.map((f) => Number(f.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => start + 1 + i));
  });
});

describe('requests API rate limits', () => {
  it('over the per-IP submit limit → 429 in Spanish with Retry-After; RATE_LIMIT_DISABLED=1 lifts it', async () => {
    const handle = await createTestDatabase('pglite');
    try {
      const limited = testApp(handle, { config: testConfig({ RATE_LIMIT_SUBMIT_PER_IP_HOUR: '2' }) }).app;
      const send = (a: Hono<AppEnv>, i: number) => postRequestsApi(a, body(`limite${i}@example.org`));
      expect((await send(limited, 1)).status).toBe(201);
      expect((await send(limited, 2)).status).toBe(201);
      const third = await send(limited, 3);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await third.json()).error.message).toMatch(/^Hiciste demasiadas solicitudes seguidas/);
      const open = testApp(handle, {
        config: testConfig({ RATE_LIMIT_SUBMIT_PER_IP_HOUR: '2', RATE_LIMIT_DISABLED: '1' }),
      }).app;
      for (let i = 10; i < 14; i++) expect((await send(open, i)).status).toBe(201);
    } finally {
      await handle.close();
    }
  });
});

describe.each(testEngines())('answer documents for the requester on %s', (engine) => {
  it('a delivered answer lists its files, downloadable with the tracking token only', async () => {
    const handle = await createTestDatabase(engine);
    try {
      const { app, deps } = testApp(handle);
      const token = 'token-de-prueba-0123456789abcdef';
      const r = await aRequest(handle.db, {
        status: 'delivered',
        deliveredAt: new Date('2026-11-23T17:00:00Z'),
        trackingTokenHash: sha256Hex(token),
      });
      const csv = Buffer.from('municipio,poblacion\nToluca,910608\n');
      const stored = await deps.documents.put(handle.db, csv, 'text/csv');
      await handle.db.insert(answers).values({
        requestId: r.id,
        status: 'delivered',
        data: {},
        files: [
          { name: 'datos.csv', kind: 'csv', sha256: stored.sha256, mediaType: 'text/csv', size: csv.length },
        ],
        preparedBy: 'sistema',
        createdAt: new Date('2026-11-23T16:30:00Z'),
      });
      const auth = { authorization: `Bearer ${token}` };
      const view = await (await app.request(`/api/v1/requests/${r.folio}`, { headers: auth })).json();
      expect(view.documents).toEqual([
        {
          name: 'datos.csv',
          kind: 'csv',
          sha256: stored.sha256,
          url: `http://127.0.0.1:3000/api/v1/requests/${r.folio}/documents/${stored.sha256}`,
        },
      ]);
      const file = await app.request(new URL(view.documents[0].url).pathname, { headers: auth });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain('datos.csv');
      expect(Buffer.from(await file.arrayBuffer())).toEqual(csv);
      const noToken = await app.request(new URL(view.documents[0].url).pathname);
      expect(noToken.status).toBe(404);
      const page = await app.request(`/seguimiento/${r.folio}/${token}`);
      const html = await page.text();
      expect(html).toContain(`/seguimiento/${r.folio}/${token}/documentos/${stored.sha256}`);
      const viaPage = await app.request(`/seguimiento/${r.folio}/${token}/documentos/${stored.sha256}`);
      expect(viaPage.status).toBe(200);
      const other = await app.request(`/seguimiento/${r.folio}/${token}/documentos/${'0'.repeat(64)}`);
      expect(other.status).toBe(404);
    } finally {
      await handle.close();
    }
  });
});
