import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { findIndicator } from '../../../src/domain/indicators.ts';
import { createStatsEngine, type StatsEngine, type ValueResult } from '../../../src/stats/engine.ts';
import { importDataDir, parseDataDir } from '../../../src/stats/import.ts';
import { loadStatsData } from '../../../src/stats/repository.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';

const dir = sharedDataDir();

describe.skipIf(!dir).each(testEngines())('official data (../shared/data) on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let stats: StatsEngine;

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    // The real path: import every file into the database, then load the engine from it.
    const events = await importDataDir(handle.db, dir!, { now: () => new Date('2026-11-25T12:00:00Z') });
    expect(events.filter((e) => e.status === 'failed')).toEqual([]);
    stats = createStatsEngine({ loader: () => loadStatsData(handle.db) });
    await stats.reload();
    // Hundreds of API calls from one test client: the per-IP API limit is not what is tested here.
    const config = testConfig({ RATE_LIMIT_API_PER_IP_MINUTE: '0' });
    app = testApp(handle, { stats, config }).app;
  });
  afterAll(() => handle.close());

  const value = async (indicator: string, geo: string, year?: number) => {
    const res = await app.request(
      `/api/v1/values?indicator=${indicator}&geo=${encodeURIComponent(geo)}${year ? `&year=${year}` : ''}`,
    );
    return { status: res.status, body: (await res.json()) as ValueResult & { error?: { message: string } } };
  };
  const members = (id: string) => stats.geographies().find((g) => g.id === id)!.members;

  it('State of Mexico 2020: 16,992,418 people; Ecatepec de Morelos: 1,645,352', async () => {
    const state = await value('population_total', 'state:15', 2020);
    expect(state.status).toBe(200);
    expect(state.body.value).toBe(16_992_418);
    expect(state.body.source[0]!.dataset).toBe('population_series');
    const ecatepec = await value('population_total', 'mun:15033', 2020);
    expect(ecatepec.body).toMatchObject({ value: 1_645_352, geoName: 'Ecatepec de Morelos', status: 'ok' });
  });

  it.each(['region:6', 'zm:15.02', 'zm:09.01'])(
    '%s equals the sum of its member municipalities',
    async (geo) => {
      for (const indicator of ['population_total', 'occupied_dwellings']) {
        const whole = await value(indicator, geo, 2020);
        let sum = 0;
        for (const m of members(geo)) sum += (await value(indicator, m, 2020)).body.value as number;
        expect(whole.body.value, indicator).toBe(sum);
        expect(whole.body.status).toBe('ok');
      }
    },
  );

  it('a ratio for a region pools numerators and denominators, which differs from the mean of percentages', async () => {
    // Region II Atlacomulco: municipalities of very different size and share of indigenous-language speakers.
    const geo = 'region:2';
    const region = await value('pct_indigenous_language_3plus', geo);
    const parts = await Promise.all(members(geo).map((m) => value('pct_indigenous_language_3plus', m)));
    const num = parts.reduce((s, p) => s + (p.body.numerator as number), 0);
    const den = parts.reduce((s, p) => s + (p.body.denominator as number), 0);
    expect(region.body.numerator).toBe(num);
    expect(region.body.denominator).toBe(den);
    expect(region.body.value).toBeCloseTo((100 * num) / den, 10);
    const mean = parts.reduce((s, p) => s + (p.body.value as number), 0) / parts.length;
    expect(Math.abs((region.body.value as number) - mean)).toBeGreaterThan(0.5);
  });

  it('population change between censuses sums each census over the municipalities that existed then', async () => {
    // Valle de Chalco Solidaridad (1994) and three municipalities of 2001–2003 have no 1990 figure.
    const p1990 = (await value('population_total', 'state:15', 1990)).body.value as number;
    const p2000 = (await value('population_total', 'state:15', 2000)).body.value as number;
    const change = await value('population_change', 'state:15', 2000);
    expect(change.body.value).toBeCloseTo((100 * (p2000 - p1990)) / p1990, 9);
    expect(change.body.status).toBe('ok');
    expect(change.body.notes.join(' ')).toMatch(/aún no existían.*Valle de Chalco Solidaridad/);
    const created = await value('population_total', 'mun:15122', 1990);
    expect(created.body).toMatchObject({ value: null, status: 'not_applicable' });
  });

  it('the marginalization index for a region → 422 with the municipal list', async () => {
    const res = await value('marginalization_index', 'region:6', 2020);
    expect(res.status).toBe(422);
    expect(res.body.error!.message).toMatch(/índice compuesto.*6 municipios.*Temoaya \(mun:15087\)/);
    // For a municipality it is the published figure, with its grade.
    const grade = await value('marginalization_grade', 'mun:15033', 2010);
    expect(typeof grade.body.value).toBe('string');
    expect(grade.body.source[0]!.dataset).toBe('conapo_imm');
  });

  it('every indicator answers for every municipality, region and zone it claims to (or says why not)', () => {
    const places = [...stats.geographies('mun'), ...stats.geographies('region'), ...stats.geographies('zm')];
    for (const ind of stats.indicators()) {
      expect(ind.loaded, ind.id).toBe(true);
      for (const p of places) {
        // A region or zone of one municipality answers as that municipality.
        const level = p.members.length === 1 && p.level !== 'state' ? 'mun' : p.level;
        if (!ind.levels.includes(level)) {
          expect(() => stats.value({ indicator: ind.id, geo: p.id })).toThrow();
          continue;
        }
        // An urban-AGEB table has no single figure: value says so, the table has a row per AGEB.
        if (findIndicator(ind.id)?.perAgeb) {
          let key: string | undefined;
          try {
            stats.value({ indicator: ind.id, geo: p.id });
          } catch (err) {
            key = (err as { messageKey?: string }).messageKey;
          }
          expect(key, `${ind.id} ${p.id}`).toBe('stats.error.ageb_table_only');
          continue;
        }
        const v = stats.value({ indicator: ind.id, geo: p.id });
        expect(v.source.length, `${ind.id} ${p.id}`).toBeGreaterThan(0);
        if (v.value === null) expect(v.notes.length, `${ind.id} ${p.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('a polygon resolves to municipalities by area share and says which units and method it used', async () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-99.1, 19.5],
          [-98.95, 19.5],
          [-98.95, 19.65],
          [-99.1, 19.65],
          [-99.1, 19.5],
        ],
      ],
    };
    const res = await app.request('/api/v1/values', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ indicators: ['population_total', 'pct_female'], geo: polygon, years: [2020] }),
    });
    expect(res.status).toBe(200);
    const table = (await res.json()) as { level: string; rows: ValueResult[]; notes: string[] };
    expect(table.level).toBe('polygon');
    expect(table.notes.join(' ')).toMatch(/proporción de área.*Ecatepec de Morelos \(\d+\.\d %\)/);
    expect(table.notes.join(' ')).toMatch(/\d+ AGEB urbanas/);
    const pop = table.rows[0]!.value as number;
    expect(pop).toBeGreaterThan(0);
    expect(pop).toBeLessThan(16_992_418);
  });

  it('urban AGEB marginalization: the table of a municipality through the API (one row per AGEB), refusals in Spanish', async () => {
    const post = (body: unknown) =>
      app.request('/api/v1/values', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const indicators = ['ageb_population', 'ageb_marginalization_index', 'ageb_marginalization_grade'];
    const res = await post({ indicators, geo: 'mun:15106' });
    expect(res.status).toBe(200);
    const table = (await res.json()) as { rows: ValueResult[]; notes: string[] };
    // Toluca: 263 urban AGEBs in CONAPO's IMU 2020, each with its population, index and grade.
    for (const id of indicators) expect(table.rows.filter((r) => r.indicator === id)).toHaveLength(263);
    expect(table.notes.join(' ')).toMatch(/263 AGEB de 1 municipio/);
    const grades = table.rows.filter((r) => r.indicator === 'ageb_marginalization_grade');
    expect(new Set(grades.map((r) => r.value))).toEqual(
      new Set(['Muy bajo', 'Bajo', 'Medio', 'Alto', 'Muy alto']),
    );
    expect(grades[0]!.geo).toMatch(/^ageb:15106\d{4}[0-9A-Z]{4}$/);
    expect(grades[0]!.geoName).toMatch(/^AGEB [0-9A-Z]{4}, .+ \(Toluca\)$/);
    const pop = table.rows.filter((r) => r.indicator === 'ageb_population');
    const total = pop.reduce((t, r) => t + (r.value as number), 0);
    expect(total).toBe(stats.value({ indicator: 'urban_population_indexed_agebs', geo: 'mun:15106' }).value);
    // A region lists its municipalities' AGEBs; the state, a polygon and a single value are refused.
    const region = (await (
      await post({ indicators: ['ageb_marginalization_grade'], geo: 'region:13' })
    ).json()) as {
      rows: ValueResult[];
    };
    const regionMembers = members('region:13').map((m) => m.slice(4));
    expect(region.rows.length).toBeGreaterThan(0);
    expect(region.rows.every((r) => regionMembers.includes(r.geo.slice(5, 10)))).toBe(true);
    const state = await post({ indicators: ['ageb_marginalization_grade'], geo: 'state:15' });
    expect(state.status).toBe(422);
    expect(((await state.json()) as { error: { message: string } }).error.message).toMatch(
      /4,?162 AGEB urbanas/,
    );
    const one = await value('ageb_marginalization_index', 'mun:15106');
    expect(one.status).toBe(422);
    expect(one.body.error!.message).toMatch(/tabla con una fila por AGEB urbana/);
  });

  it('the engine loaded from the database equals the one parsed straight from the files', () => {
    const direct = createStatsEngine({ data: parseDataDir(dir!) });
    for (const [indicator, geo] of [
      ['pct_dwellings_internet', 'zm:09.01'],
      ['population_pyramid_2015', 'state:15'],
      ['life_expectancy', 'state:15'],
    ] as const) {
      expect(stats.value({ indicator, geo }).value).toBe(direct.value({ indicator, geo }).value);
    }
  });
});
