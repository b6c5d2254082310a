// Issue 20: the question box through the app — GET /api/v1/preguntar (JSON, OpenAPI), the /preguntar
// page as a browser without JavaScript uses it (GET form on the home page and /datos), and the
// «Recibir este dato en un oficio firmado» and «Otro» buttons that prefill the request journey.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { AskResult } from '../../../src/services/ask/answer-question.ts';
import { createStatsEngine, type StatsData } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { formClient } from '../portal/form-client.ts';

const dir = sharedDataDir();
let data: StatsData;

describe.skipIf(!dir).each(testEngines())('the question box on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    data ??= parseDataDir(dir!);
    handle = await createTestDatabase(engine);
    const config = testConfig({ RATE_LIMIT_API_PER_IP_MINUTE: '0' });
    app = testApp(handle, { stats: createStatsEngine({ data }), config }).app;
  });
  afterAll(() => handle.close());

  const api = async (q: string) => {
    const res = await app.request(`/api/v1/preguntar?q=${encodeURIComponent(q)}`);
    return { status: res.status, body: (await res.json()) as AskResult };
  };

  it('GET /api/v1/preguntar answers with the figure, its sentence and source, and a request URL', async () => {
    const { status, body } = await api('¿Cuántos habitantes tiene Neza en 2010?');
    expect(status).toBe(200);
    expect(body.answers).toHaveLength(1);
    expect(body.answers[0]).toMatchObject({
      indicator: 'population_total',
      geo: 'mun:15058',
      year: 2010,
      unit: 'people',
      source: [{ dataset: 'population_series' }],
    });
    expect(body.answers[0]!.value).toBeGreaterThan(1_000_000);
    expect(body.answers[0]!.text).toMatch(/^Nezahualcóyotl tenía [\d,]+ habitantes en 2010, según el Censo/);
    expect(body.understood).toMatchObject({
      places: [{ id: 'mun:15058', mentioned: 'neza' }],
      years: [2010],
    });
    expect(body.suggestions).toEqual([]);
    expect(new URL(body.requestUrl).pathname).toBe('/preguntar');
  });

  it('answers nothing for a question it cannot answer, and says why with suggestions', async () => {
    const { status, body } = await api('¿cuántos homicidios hubo en Toluca?');
    expect(status).toBe(200);
    expect(body.answers).toEqual([]);
    expect(body.reason).toBe('unknown_words');
    expect(body.understood.unknownWords).toEqual(['homicidios']);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.request.otherText).toBe('¿cuántos homicidios hubo en Toluca?');
  });

  it('refuses a missing or too long question with a field error', async () => {
    for (const path of ['/api/v1/preguntar', `/api/v1/preguntar?q=${'a'.repeat(301)}`]) {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('q');
    }
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.paths['/preguntar']?.get?.parameters?.map((p) => p.name)).toEqual(['q']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['AskResult', 'AskAnswer']));
  });

  it('the home page and /datos carry the no-JavaScript question form', async () => {
    for (const path of ['/', '/datos']) {
      const html = await (await app.request(path)).text();
      expect(html).toMatch(/<form method="get" action="\/preguntar"[^>]*>[\s\S]*?name="q"/);
    }
  });

  it('the page answers a GET form and the button prefills the journey up to its first open question', async () => {
    const browser = formClient(app);
    const page = await browser.get(`/preguntar?q=${encodeURIComponent('poblacion de toluca 2010')}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Toluca tenía');
    expect(page.html).toContain('<table');
    expect(page.html).toContain('Recibir este dato en un oficio firmado');
    const sent = await browser.post('/solicitud/nueva/prellenar', {
      indicators: 'population_total',
      geo: 'mun:15106',
      years: '2010',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/solicitud/nueva/revisar');
    // The review page sends to the first step still open: the formats (indicator, place and year are set).
    const next = await browser.get(sent.location!);
    expect(next.location).toBe('/solicitud/nueva/formatos');
    const years = await browser.get('/solicitud/nueva/anios');
    expect(years.html).toMatch(/value="2010"[^>]*checked|checked[^>]*value="2010"/);
    const place = await browser.get('/solicitud/nueva/lugar');
    expect(place.html).toMatch(/<option value="mun:15106" selected/);
  });

  it('an unanswerable question goes to the journey as an «Otro» request with the question', async () => {
    const browser = formClient(app);
    const q = 'PIB de Metepec';
    const page = await browser.get(`/preguntar?q=${encodeURIComponent(q)}`);
    expect(page.html).toContain('Enviar esta pregunta como solicitud');
    expect(page.html).toContain('«pib»');
    const sent = await browser.post('/solicitud/nueva/prellenar', { otherText: q, geo: 'mun:15054' });
    expect(sent.status).toBe(303);
    const indicators = await browser.get('/solicitud/nueva/indicadores');
    expect(indicators.html).toContain(`>${q}</textarea>`);
  });

  it('the prefill refuses a post without the CSRF token', async () => {
    const res = await app.request('/solicitud/nueva/prellenar', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'indicators=population_total&geo=mun:15106',
    });
    expect(res.status).toBe(403);
  });
});
