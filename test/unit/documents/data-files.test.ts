import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildChart, CHART_WIDTH_PX, planChart } from '../../../src/documents/chart.ts';
import { buildCsv, buildCsvMetadata, csvCell } from '../../../src/documents/csv.ts';
import type { AnswerData, DataRow } from '../../../src/documents/data-model.ts';
import { buildMapSvg, loadMunicipalBoundaries, MAP_WIDTH_PX, mapPng } from '../../../src/documents/map.ts';
import { pngSize } from '../../../src/documents/png.ts';
import { buildXlsx } from '../../../src/documents/xlsx.ts';
import { buildZip } from '../../../src/documents/zip.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';

const row = (over: Partial<DataRow>): DataRow => ({
  indicatorId: 'population_total',
  indicatorName: 'Población total',
  geoId: 'mun:15033',
  geoName: 'Ecatepec de Morelos',
  year: 2020,
  value: 1_645_352,
  unitLabel: 'personas',
  decimals: 0,
  numerator: null,
  denominator: null,
  source: 'INEGI, Censo de Población y Vivienda 2020',
  notes: [],
  ...over,
});

function data(rows: DataRow[]): AnswerData {
  return {
    folio: 'COESPO-2026-000123',
    generatedAt: new Date('2026-11-25T17:00:00Z'),
    timeZone: 'America/Mexico_City',
    agencyName: 'Consejo Estatal de Población',
    geo: {
      id: 'set:15033,15058',
      name: 'Ecatepec y Nezahualcóyotl',
      members: [
        { id: 'mun:15033', name: 'Ecatepec de Morelos' },
        { id: 'mun:15058', name: 'Nezahualcóyotl' },
      ],
    },
    indicators: [
      {
        id: 'population_total',
        name: 'Población total',
        definition: 'Personas residentes habituales.',
        unitLabel: 'personas',
        decimals: 0,
        sources: ['INEGI, Censo de Población y Vivienda 2020 (edición 2021)'],
      },
      {
        id: 'pct_65_plus',
        name: 'Porcentaje de población de 65 años y más',
        definition: 'Población de 65 años y más entre población total × 100.',
        unitLabel: '%',
        decimals: 1,
        sources: ['INEGI, Censo 2020'],
      },
    ],
    rows,
    notes: ['Cifras del cuestionario básico.'],
  };
}

const sample = data([
  row({}),
  row({ geoId: 'mun:15058', geoName: 'Nezahualcóyotl', value: 1_077_208 }),
  row({
    indicatorId: 'pct_65_plus',
    indicatorName: 'Porcentaje de población de 65 años y más',
    unitLabel: '%',
    decimals: 1,
    value: 7.9,
    numerator: 130_000,
    denominator: 1_645_352,
  }),
  row({
    indicatorId: 'pct_65_plus',
    indicatorName: 'Porcentaje de población de 65 años y más',
    geoId: 'mun:15058',
    geoName: 'Nezahualcóyotl',
    unitLabel: '%',
    decimals: 1,
    value: null,
    notes: ['Reservado por confidencialidad.'],
  }),
]);

describe('XLSX', () => {
  it('has a Léame sheet, then one sheet per indicator with numbers as numbers, formats, a frozen header', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildXlsx(sample)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Léame',
      'Población total',
      '% población de 65 años y más',
    ]);
    // Title in row 1, unit and source in row 2, the table's header in row 3.
    const pop = wb.getWorksheet('Población total')!;
    expect(pop.getRow(3).getCell(2).value).toBe('Ámbito geográfico');
    expect(pop.getRow(4).getCell(4).value).toBe(1_645_352);
    expect(typeof pop.getRow(5).getCell(4).value).toBe('number');
    expect(pop.getRow(4).getCell(4).numFmt).toBe('#,##0');
    expect(pop.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const pct = wb.worksheets[2]!;
    expect(pct.getRow(4).getCell(4).value).toBe(7.9);
    expect(pct.getRow(4).getCell(4).numFmt).toBe('#,##0.0');
    expect(pct.getRow(5).getCell(4).value).toBeNull();
    const meta = wb.getWorksheet('Léame')!;
    const text = meta.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('COESPO-2026-000123');
    expect(text).toContain('Personas residentes habituales.');
    expect(text).toContain('INEGI, Censo de Población y Vivienda 2020 (edición 2021)');
    expect(text).toContain('Nezahualcóyotl (mun:15058)');
    expect(text).toContain('Reservado por confidencialidad.');
  });
});

describe('CSV', () => {
  it('is UTF-8 with BOM, comma separated, with a header row and numbers unformatted', () => {
    const csv = buildCsv(sample);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'indicator_id,indicator,geo_id,geo,year,value,unit,numerator,denominator,source,notes',
    );
    expect(lines[1]).toBe(
      'population_total,Población total,mun:15033,Ecatepec de Morelos,2020,1645352,personas,,,"INEGI, Censo de Población y Vivienda 2020",',
    );
    expect(lines).toHaveLength(5);
  });

  it('escapes formula injection in text but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+52 55')).toBe("'+52 55");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
  });

  it('has a CSVW metadata sidecar with definitions and geography members', () => {
    const meta = JSON.parse(buildCsvMetadata(sample, 'datos.csv').toString('utf8'));
    expect(meta.url).toBe('datos.csv');
    expect(meta.tableSchema.columns).toHaveLength(11);
    expect(meta.indicators[1].definition).toContain('65 años');
    expect(meta.geography.members).toHaveLength(2);
  });
});

describe('charts', () => {
  it('bars by place: a PNG of the expected width', async () => {
    expect(planChart(sample, 'population_total').kind).toBe('bar');
    const chart = await buildChart(sample, 'population_total');
    if ('reason' in chart) throw new Error(chart.reason);
    expect(chart.png.length).toBeGreaterThan(5_000);
    expect(pngSize(chart.png).width).toBe(CHART_WIDTH_PX);
    expect(pngSize(chart.png).height).toBeGreaterThan(100);
  });

  it('a line over years for one place; no chart for a single figure, with the reason', async () => {
    const years = data(
      [2000, 2005, 2010, 2015, 2020].map((year, i) => row({ year, value: 1_600_000 + i * 10_000 })),
    );
    expect(planChart(years, 'population_total').kind).toBe('line');
    const line = await buildChart(years, 'population_total');
    expect('png' in line && pngSize(line.png).width).toBe(CHART_WIDTH_PX);
    const single = await buildChart(data([row({})]), 'population_total');
    expect('reason' in single && single.reason).toContain('una sola cifra');
  });
});

describe('municipal map', () => {
  const dir = sharedDataDir();
  it.skipIf(!dir)('draws a choropleth with title, legend in 1,645,352 format and source', () => {
    const fc = loadMunicipalBoundaries(dir!);
    expect(fc.features).toHaveLength(125);
    const rows = fc.features.map((f, i) =>
      row({ geoId: `mun:${f.properties.CVEGEO}`, geoName: f.properties.NOMGEO, value: 1_000 + i * 13_337 }),
    );
    const d = data(rows);
    const svg = buildMapSvg(d, 'population_total', 2020, fc, { stateName: 'Estado de México' })!;
    expect(svg).toContain('Población total por municipio, 2020');
    expect(svg).toMatch(/\d{1,3},\d{3},\d{3}/);
    expect(svg).toContain('Fuente: INEGI');
    expect((svg.match(/<path [^>]*><title>/g) ?? []).length).toBe(125);
    const png = mapPng(svg);
    expect(png.length).toBeGreaterThan(20_000);
    expect(pngSize(png).width).toBe(MAP_WIDTH_PX);
  });
});

describe('ZIP bundle', () => {
  it('contains every file with its bytes', () => {
    const zip = buildZip(
      [
        { name: 'datos.csv', bytes: buildCsv(sample) },
        { name: 'oficio.pdf', bytes: Buffer.from('%PDF-1.7 prueba') },
      ],
      new Date('2026-11-25T17:00:00Z'),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['datos.csv', 'oficio.pdf']);
    expect(Buffer.from(files['datos.csv']!).equals(buildCsv(sample))).toBe(true);
  });
});
