import { describe, expect, it } from 'vitest';
import { buildChart, CHART_WIDTH_PX, planChart } from '../../../src/documents/chart.ts';
import type { AnswerData, DataRow } from '../../../src/documents/data-model.ts';
import { naturalBreaks } from '../../../src/documents/map.ts';
import { pngSize } from '../../../src/documents/png.ts';
import { markedColumnShare } from '../../helpers/png-pixels.ts';

const PLACES = [
  ['mun:15106', 'Toluca'],
  ['mun:15054', 'Metepec'],
  ['mun:15051', 'Lerma'],
  ['mun:15118', 'Zinacantepec'],
  ['mun:15005', 'Almoloya de Juárez'],
  ['mun:15001', 'Acambay de Ruíz Castañeda'],
] as const;

const row = (geo: readonly [string, string], year: number, value: number | string): DataRow => ({
  indicatorId: 'pct_dwellings_internet',
  indicatorName: 'Porcentaje de viviendas con internet',
  geoId: geo[0],
  geoName: geo[1],
  year,
  value,
  unitLabel: '%',
  decimals: 1,
  numerator: null,
  denominator: null,
  source: 'INEGI, Censo de Población y Vivienda 2020',
  notes: [],
});

function answer(rows: DataRow[], name = 'Toluca'): AnswerData {
  return {
    folio: 'COESPO-2026-000123',
    generatedAt: new Date('2026-11-25T17:00:00Z'),
    timeZone: 'America/Mexico_City',
    agencyName: 'Consejo Estatal de Población',
    geo: { id: 'zm:15.02', name, members: [] },
    indicators: [
      {
        id: 'pct_dwellings_internet',
        name: 'Porcentaje de viviendas con internet',
        definition: '',
        unitLabel: '%',
        decimals: 1,
        sources: ['INEGI, Censo de Población y Vivienda 2020'],
      },
    ],
    rows,
    notes: [],
  };
}

const years = [2000, 2005, 2010, 2015, 2020];

/** Each kind of chart, drawn from figures that call for it. */
const kinds: [string, AnswerData, DataRow[], string][] = [
  [
    'a line over the years for one place',
    answer(years.map((y, i) => row(PLACES[0], y, 10 + i * 9.3))),
    [],
    'line',
  ],
  [
    'lines over the years for several places',
    answer(PLACES.slice(0, 3).flatMap((p, j) => years.map((y, i) => row(p, y, 8 + i * 9 + j * 4)))),
    [],
    'line',
  ],
  [
    "lines for a zone's municipalities over the years",
    answer(
      years.map((y, i) => row(['zm:15.02', 'ZM Toluca'], y, 20 + i * 8)),
      'ZM Toluca',
    ),
    PLACES.slice(0, 4).flatMap((p, j) => years.map((y, i) => row(p, y, 12 + i * 8 + j * 5))),
    'line',
  ],
  [
    'bars across the places asked, one year',
    answer(PLACES.map((p, i) => row(p, 2020, 30 + i * 7.7))),
    [],
    'bar',
  ],
  [
    "bars across a zone's municipalities, one year",
    answer([row(['zm:15.02', 'ZM Toluca'], 2020, 51.2)], 'ZM Toluca'),
    PLACES.map((p, i) => row(p, 2020, 26.3 + i * 9.1)),
    'bar',
  ],
];

describe('charts sized for a document', () => {
  it.each(kinds)(
    '%s: 1600 px wide, the plot across at least 60 % of the width',
    async (_, data, municipal, kind) => {
      expect(planChart(data, 'pct_dwellings_internet', municipal).kind).toBe(kind);
      const chart = await buildChart(data, 'pct_dwellings_internet', municipal);
      if ('reason' in chart) throw new Error(chart.reason);
      const size = pngSize(chart.png);
      expect(size.width).toBe(CHART_WIDTH_PX);
      expect(size.height).toBeGreaterThanOrEqual(800);
      expect(size.height).toBeLessThanOrEqual(1600);
      const share = markedColumnShare(chart.png);
      expect(share).toBeGreaterThanOrEqual(0.6);
      // Title, unit, source and agency in the image; no text smaller than 12 px at 800 px (24 px printed).
      expect(chart.svg).toContain('Porcentaje de viviendas con internet');
      expect(chart.svg).toContain('Unidad: %');
      expect(chart.svg).toContain(
        'Fuente: INEGI, Censo de Población y Vivienda 2020. Elaboró: Consejo Estatal de Población.',
      );
      const sizes = [...chart.svg.matchAll(/font-size(?:="|:\s*)(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
      // Year labels are written horizontally.
      const yearLabels = [...chart.svg.matchAll(/<text[^>]*>(?:19|20)\d\d<\/text>/g)].map((m) => m[0]);
      if (kind === 'line') expect(yearLabels.length).toBeGreaterThanOrEqual(years.length);
      for (const label of yearLabels) expect(label).not.toMatch(/rotate\((?!0\))/);
    },
  );

  it('bars are sorted from the highest figure down, each written with its decimals', async () => {
    const data = answer(PLACES.map((p, i) => row(p, 2020, [40, 72.25, 18, 55, 31, 60][i]!)));
    const plan = planChart(data, 'pct_dwellings_internet');
    expect(plan.kind === 'bar' && plan.bars.map((b) => b.value)).toEqual([72.25, 60, 55, 40, 31, 18]);
    const chart = await buildChart(data, 'pct_dwellings_internet');
    expect('svg' in chart && chart.svg).toContain('>18.0<');
  });

  it('no chart for one figure or a classification, and the reason says why in Spanish', () => {
    const one = planChart(answer([row(PLACES[0], 2020, 58.1)]), 'pct_dwellings_internet');
    expect(one).toEqual({
      kind: 'none',
      reason: expect.stringMatching(
        /^No se elaboró la gráfica de «Porcentaje de viviendas con internet»: hay una sola cifra \(Toluca, 2020\)/,
      ),
    });
    const grade = planChart(
      answer([row(PLACES[0], 2020, 'Muy bajo'), row(PLACES[1], 2020, 'Bajo')]),
      'pct_dwellings_internet',
    );
    expect(grade.kind === 'none' && grade.reason).toContain('es una clasificación');
  });
});

describe('natural breaks', () => {
  it('puts clear groups in their own classes, with ranges that do not overlap', () => {
    expect(naturalBreaks([1, 2, 3, 50, 51, 52, 100, 101], 3)).toEqual([
      [1, 3],
      [50, 52],
      [100, 101],
    ]);
    expect(naturalBreaks([5, 5, 5], 5)).toEqual([[5, 5]]);
  });
});
