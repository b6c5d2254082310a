import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { StatsData } from '../../../src/stats/engine.ts';
import { createStatsEngine } from '../../../src/stats/engine.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

/** Made-up figures for three municipalities (Acolman, Axapusco, Jaltenco), one of them suppressed. */
const data: StatsData = {
  datasets: [
    {
      id: 'censo2020_afro_indigenous',
      title: 'Tabulados',
      source: 'INEGI',
      edition: '2020',
      fileName: 'hecho-a-mano.csv',
      sha256: '0'.repeat(64),
      rows: 3,
      facts: 6,
      importedAt: new Date('2026-11-25T12:00:00Z'),
    },
  ],
  facts: [
    ['15002', 100, 10],
    ['15016', 1000, 900],
    ['15044', null, null],
  ].flatMap(([geo, den, num]) =>
    (
      [
        ['afro.pob_3ymas', den],
        ['afro.pob_3ymas_habla_lengua_indigena', num],
      ] as const
    ).map(([variable, value]) => ({
      dataset: 'censo2020_afro_indigenous' as const,
      variable,
      geo: geo as string,
      year: 2020,
      value: value as number | null,
      text: null,
      status: value === null ? ('suppressed' as const) : ('ok' as const),
    })),
  ),
  boundaries: [],
};

describe.each(testEngines())('statistics API on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    app = testApp(handle, { stats: createStatsEngine({ data }) }).app;
  });
  afterAll(() => handle.close());

  const get = async (path: string) => {
    const res = await app.request(path);
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { error?: { message: string } },
    };
  };

  it('GET /indicators lists the catalog with Spanish names', async () => {
    const res = await app.request('/api/v1/indicators');
    const list = (await res.json()) as { id: string; name: string; aggregation: string }[];
    expect(list.length).toBeGreaterThanOrEqual(30);
    expect(list.find((i) => i.id === 'population_total')).toMatchObject({
      name: 'Población total',
      aggregation: 'sum',
    });
  });

  it('GET /geographies?level=region lists the 20 regions with their members', async () => {
    const res = await app.request('/api/v1/geographies?level=region');
    const list = (await res.json()) as { id: string; members: string[] }[];
    expect(list).toHaveLength(20);
    expect(list.find((r) => r.id === 'region:11')!.members).toContain('mun:15002');
    expect((await get('/api/v1/geographies?level=pais')).status).toBe(400);
  });

  it('a ratio for a region sums numerators and denominators; a suppressed member is left out and noted', async () => {
    const { status, body } = await get(
      '/api/v1/values?indicator=pct_indigenous_language_3plus&geo=set:15002,15016,15044',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ numerator: 910, denominator: 1100, status: 'partial' });
    expect(body.value).toBeCloseTo(82.727, 3);
    // Not the mean of the members' percentages (10 % and 90 %).
    expect(body.value).not.toBeCloseTo(50, 0);
    expect((body.notes as string[]).join(' ')).toMatch(/excluye 1 municipio.*Jaltenco/);
  });

  it('a suppressed value is reported as such, never as 0', async () => {
    const { body } = await get('/api/v1/values?indicator=indigenous_language_speakers_3plus&geo=mun:15044');
    expect(body).toMatchObject({ value: null, status: 'suppressed' });
  });

  it('unknown indicator or geography → 404 in Spanish; malformed → 400; not aggregable or unavailable year → 422', async () => {
    const unknown = await get('/api/v1/values?indicator=poblacion&geo=mun:15033');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error!.message).toMatch(/No existe un indicador/);
    expect((await get('/api/v1/values?indicator=population_total&geo=mun:15999')).status).toBe(404);
    // Well-formed but outside the state (another entity's code, another state): unknown, not malformed.
    expect((await get('/api/v1/values?indicator=population_total&geo=mun:99999')).status).toBe(404);
    expect((await get('/api/v1/values?indicator=population_total&geo=state:09')).status).toBe(404);
    expect((await get('/api/v1/values?indicator=population_total&geo=set:15033,09002')).status).toBe(404);
    const malformed = await get('/api/v1/values?indicator=population_total&geo=municipio-33');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toMatch(/El área geográfica no es válida/);
    expect((await get('/api/v1/values?indicator=population_total&geo=mun:15033&year=dos')).status).toBe(400);
    const composite = await get('/api/v1/values?indicator=marginalization_index&geo=region:6');
    expect(composite.status).toBe(422);
    expect(composite.body.error!.message).toMatch(/no se puede sumar ni promediar.*Ixtlahuaca \(mun:15042\)/);
    expect((await get('/api/v1/values?indicator=population_total&geo=mun:15033&year=1991')).status).toBe(422);
  });

  it('POST /values returns a table; not-aggregable indicators expand to the municipalities', async () => {
    const res = await app.request('/api/v1/values', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        indicators: ['pct_indigenous_language_3plus', 'marginalization_grade'],
        geo: 'zm:15.01',
      }),
    });
    expect(res.status).toBe(200);
    const table = (await res.json()) as { rows: { indicator: string; geo: string }[]; notes: string[] };
    expect(table.rows.filter((r) => r.indicator === 'marginalization_grade').map((r) => r.geo)).toHaveLength(
      6,
    );
    expect(table.notes.join(' ')).toMatch(/valor de cada municipio/);
    const bad = await app.request('/api/v1/values', {
      method: 'POST',
      body: '{no es json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    const empty = await app.request('/api/v1/values', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ indicators: [], geo: 'state:15' }),
    });
    expect(empty.status).toBe(400);
  });

  it('serves an OpenAPI 3.1 document with the statistics paths', async () => {
    const doc = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/values']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/indicators']).toBeDefined();
    expect(doc.paths['/geographies']).toBeDefined();
    expect(doc.components.schemas.ValuesRequest).toMatchObject({ type: 'object' });
  });

  it('/datos shows the catalog and a value in Spanish, without JavaScript, with one h1', async () => {
    const res = await app.request(
      '/datos?indicador=pct_indigenous_language_3plus&geo=set:15002,15016&anio=2020',
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('Catálogo de indicadores');
    expect(html).toContain('82.7 %');
    expect(html).toMatch(/<caption[^>]*>Porcentaje de hablantes de lengua indígena/);
    // Every control has its label.
    for (const id of ['f-indicador', 'f-geo', 'f-anio']) {
      expect(html).toContain(`for="${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    const composite = await (await app.request('/datos?indicador=marginalization_index&geo=region:6')).text();
    expect(composite).toContain('role="alert"');
    const page = await app.request('/datos/indicador/pct_indigenous_language_3plus');
    expect(page.status).toBe(200);
    expect((await app.request('/datos/indicador/no_existe')).status).toBe(404);
  });

  it('the home page links to the loaded datasets, which /datos lists', async () => {
    const home = await (await app.request('/')).text();
    expect(home).toContain('href="/datos#datos-cargados"');
    expect(home).not.toContain('INEGI, Tabulados (2020)');
    const datos = await (await app.request('/datos')).text();
    expect(datos).toContain('id="datos-cargados"');
    expect(datos).toContain('Datos oficiales cargados');
    expect(datos).toContain('INEGI, Tabulados (2020)');
  });
});
