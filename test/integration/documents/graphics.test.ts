import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/config/logger.ts';
import type { RequestRow } from '../../../src/db/requests.ts';
import { CHART_WIDTH_PX } from '../../../src/documents/chart.ts';
import { slug } from '../../../src/documents/data-model.ts';
import { MAP_WIDTH_PX } from '../../../src/documents/map.ts';
import { pngSize } from '../../../src/documents/png.ts';
import { answerDataFor } from '../../../src/services/answers/compose.ts';
import { chartAndMapFiles } from '../../../src/services/answers/graphics.ts';
import { createStatsEngine, type StatsEngine } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { testConfig } from '../../helpers/app.ts';
import { markedColumnShare } from '../../helpers/png-pixels.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';

const dir = sharedDataDir();

// A drawn area over central Toluca and Metepec.
const POLYGON = {
  type: 'Polygon',
  coordinates: [
    [
      [-99.7, 19.25],
      [-99.6, 19.25],
      [-99.6, 19.32],
      [-99.7, 19.32],
      [-99.7, 19.25],
    ],
  ],
};

type Case = {
  what: string;
  geo: string;
  geoGeojson?: unknown;
  indicators: string[];
  years: number[];
  /** Expected: choropleths (one per indicator with municipal figures) or one locator map. */
  map: 'choropleth' | 'locator';
};

const CASES: Case[] = [
  {
    what: 'a municipality',
    geo: 'mun:15106',
    indicators: ['population_total'],
    years: [2000, 2010, 2020],
    map: 'locator',
  },
  {
    what: 'a region',
    geo: 'region:13',
    indicators: ['population_total', 'marginalization_grade'],
    years: [2020],
    map: 'choropleth',
  },
  {
    what: 'a metropolitan zone',
    geo: 'zm:15.02',
    indicators: ['pct_dwellings_internet'],
    years: [2020],
    map: 'choropleth',
  },
  {
    what: 'a set of municipalities',
    geo: 'set:15033,15058,15104,15057',
    indicators: ['population_total'],
    years: [2010, 2020],
    map: 'choropleth',
  },
  {
    what: 'a drawn polygon',
    geo: 'polygon',
    geoGeojson: POLYGON,
    indicators: ['population_total'],
    years: [2020],
    map: 'locator',
  },
];

describe.skipIf(!dir)('charts and maps of an answer, from the official data', () => {
  let stats: StatsEngine;
  const config = testConfig(dir ? { STATS_DATA_DIR: dir } : {});
  beforeAll(() => {
    stats = createStatsEngine();
    stats.load(parseDataDir(dir!));
  }, 120_000);

  const build = (c: Pick<Case, 'geo' | 'geoGeojson' | 'indicators' | 'years'>) => {
    const deps = { stats, config, logger: createLogger('silent') };
    const req = { folio: 'COESPO-2026-000777', geoGeojson: null, ...c } as unknown as RequestRow;
    const data = answerDataFor(deps, req, new Date('2026-12-01T17:00:00Z'));
    return chartAndMapFiles(deps, data, ['chart', 'map'], c.geoGeojson).then((out) => ({ data, ...out }));
  };

  it.each(CASES)('$what: each chart and map asked is made, or its reason is given', async (c) => {
    const { data, files, omitted } = await build(c);
    for (const ind of data.indicators) {
      const chart = files.find((f) => f.kind === 'chart' && f.name.includes(`-grafica-${slug(ind.id)}.`));
      const why = omitted.find((o) => o.format === 'chart' && o.reason.includes(`«${ind.name}»`));
      expect(Boolean(chart) !== Boolean(why), `${ind.id}: a chart or a reason, not both or neither`).toBe(
        true,
      );
      if (why) expect(why.reason).toMatch(/^No se elaboró la gráfica de «.+»: .+\.$/);
      if (!chart) continue;
      expect(pngSize(chart.bytes).width).toBe(CHART_WIDTH_PX);
      expect(markedColumnShare(chart.bytes)).toBeGreaterThanOrEqual(0.6);
    }
    const maps = files.filter((f) => f.kind === 'map');
    const svgs = maps
      .filter((f) => f.mediaType === 'image/svg+xml')
      .map((f) => Buffer.from(f.bytes).toString('utf8'));
    const pngs = maps.filter((f) => f.mediaType === 'image/png');
    expect(pngs.length).toBe(svgs.length);
    expect(pngs.length).toBeGreaterThan(0);
    for (const png of pngs) expect(pngSize(png.bytes).width).toBe(MAP_WIDTH_PX);
    for (const svg of svgs) {
      // Legend, scale bar, north arrow and source on every map.
      expect(svg).toMatch(/ km<\/text>/);
      expect(svg).toContain('>N</text>');
      expect(svg).toContain('Fuente: ');
      expect(svg).toContain('Límites municipales: INEGI, Marco Geoestadístico 2025');
      if (c.map === 'choropleth') expect(svg).toMatch(/\(\d+ mun\.\)/);
      else expect(svg).toContain('Otros municipios');
    }
    if (c.map === 'locator') {
      expect(svgs).toHaveLength(1);
      expect(svgs[0]).toContain(c.geoGeojson ? 'Polígono dibujado' : 'Ubicación de Toluca');
    } else {
      const members = stats.resolveGeo(c.geo).members.length;
      expect(svgs[0]).toContain(`: ${members} municipios`);
      expect(svgs.length + omitted.filter((o) => o.format === 'map').length).toBe(data.indicators.length);
    }
  });

  it('a polygon drawn in Paris: no figures, and the map says the area is not in the state', async () => {
    const deps = { stats, config, logger: createLogger('silent') };
    const paris = {
      type: 'Polygon',
      coordinates: [
        [
          [2.33, 48.85],
          [2.36, 48.85],
          [2.36, 48.87],
          [2.33, 48.87],
          [2.33, 48.85],
        ],
      ],
    };
    const empty = {
      folio: 'COESPO-2026-000778',
      generatedAt: new Date(),
      timeZone: 'America/Mexico_City',
      agencyName: 'Consejo Estatal de Población',
      geo: { id: '', name: '', members: [] },
      indicators: [],
      rows: [],
      notes: [],
    };
    const { files, omitted } = await chartAndMapFiles(deps, empty, ['chart', 'map'], paris);
    expect(files).toEqual([]);
    expect(omitted).toEqual([
      { format: 'chart', reason: 'No se elaboraron gráficas: la respuesta no contiene cifras.' },
      {
        format: 'map',
        reason: 'No se elaboró el mapa: el área de la solicitud no se pudo ubicar en el Estado de México.',
      },
    ]);
  });

  it('a state-only indicator for the state: no chart of one figure and no municipal map, each said in words', async () => {
    const { files, omitted } = await build({
      geo: 'state:15',
      indicators: ['life_expectancy'],
      years: [2020],
    });
    expect(files).toEqual([]);
    expect(omitted.map((o) => o.format).sort()).toEqual(['chart', 'map']);
    expect(omitted.find((o) => o.format === 'map')!.reason).toContain('solo para el estado');
    expect(omitted.find((o) => o.format === 'chart')!.reason).toContain('una sola cifra');
  });
});
