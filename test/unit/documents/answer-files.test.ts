import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.ts';
import type { AnswerFile } from '../../../src/db/schema/index.ts';
import { buildCsv, buildCsvMetadata } from '../../../src/documents/csv.ts';
import type { AnswerData, DataRow } from '../../../src/documents/data-model.ts';
import { buildXlsx, sheetName } from '../../../src/documents/xlsx.ts';
import { buildZip } from '../../../src/documents/zip.ts';
import { renderMail } from '../../../src/mail/templates/index.ts';
import {
  downloadAllLabel,
  fileLabel,
  humanSize,
  omittedStatements,
  zipReadme,
} from '../../../src/services/answers/file-listing.ts';

const row = (over: Partial<DataRow>): DataRow => ({
  indicatorId: 'population_total',
  indicatorName: 'Población total',
  geoId: 'mun:15106',
  geoName: 'Toluca',
  year: 2020,
  value: 910_608,
  unitLabel: 'personas',
  decimals: 0,
  numerator: null,
  denominator: null,
  source: 'INEGI, Censo de Población y Vivienda 2020',
  notes: [],
  ...over,
});

const internet = {
  id: 'pct_dwellings_internet',
  name: 'Porcentaje de viviendas con internet',
  definition: 'Viviendas particulares habitadas que disponen de internet entre el total × 100.',
  unitLabel: '%',
  decimals: 1,
  sources: ['INEGI, Censo de Población y Vivienda 2020'],
};
const population = {
  id: 'population_total',
  name: 'Población total',
  definition: 'Personas residentes habituales.',
  unitLabel: 'personas',
  decimals: 0,
  sources: ['INEGI, Censo de Población y Vivienda 2020'],
};

function answer(geo: AnswerData['geo'], rows: DataRow[]): AnswerData {
  return {
    folio: 'COESPO-2026-000123',
    generatedAt: new Date('2026-11-25T17:00:00Z'),
    timeZone: 'America/Mexico_City',
    agencyName: 'Consejo Estatal de Población',
    geo,
    indicators: [population, internet],
    rows,
    notes: [],
  };
}

const toluca = answer({ id: 'mun:15106', name: 'Toluca', members: [{ id: 'mun:15106', name: 'Toluca' }] }, [
  row({}),
  row({
    indicatorId: internet.id,
    indicatorName: internet.name,
    unitLabel: '%',
    decimals: 1,
    value: 61.2,
    numerator: 160_000,
    denominator: 261_437,
  }),
]);

// A drawn polygon: counts shared out by area come with fractions.
const polygon = answer(
  {
    id: 'polygon:0a1b2c3d4e5f',
    name: 'Polígono dibujado',
    members: [
      { id: 'mun:15106', name: 'Toluca' },
      { id: 'mun:15054', name: 'Metepec' },
    ],
  },
  [
    row({ geoId: 'polygon:0a1b2c3d4e5f', geoName: 'Polígono dibujado', value: 237_183.337_057_801_28 }),
    row({
      indicatorId: internet.id,
      indicatorName: internet.name,
      geoId: 'polygon:0a1b2c3d4e5f',
      geoName: 'Polígono dibujado',
      unitLabel: '%',
      decimals: 1,
      value: 58.263_1,
      numerator: 38_211.6,
      denominator: 65_583.49,
    }),
  ],
);

async function workbook(data: AnswerData) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildXlsx(data)) as unknown as ArrayBuffer);
  return wb;
}

const text = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flat().map(String).join('\n');

describe('XLSX sheet names', () => {
  it('every catalog indicator gets a distinct name of at most 31 characters that still reads as it', () => {
    const catalog = readFileSync(join(import.meta.dirname, '../../../src/i18n/es-MX/stats.ts'), 'utf8');
    const names = [...catalog.matchAll(/'stats\.ind\.[^']+\.name':\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(50);
    const taken = new Set<string>();
    const sheets = names.map((n) => sheetName(n, taken));
    for (const s of sheets) expect(s.length).toBeLessThanOrEqual(31);
    expect(new Set(sheets.map((s) => s.toLowerCase())).size).toBe(new Set(names).size);
    expect(sheetName('Porcentaje de viviendas con internet', new Set())).toBe('% viviendas con internet');
    expect(sheetName('Porcentaje de población sin afiliación a servicios de salud', new Set())).toBe(
      '% pob. sin afil. a serv. salud',
    );
    // Never the old blind cut.
    expect(sheets).not.toContain('Porcentaje de viviendas con int');
  });

  it('numbers a repeated name and strips the characters Excel forbids', () => {
    const taken = new Set<string>();
    expect(sheetName('Porcentaje de viviendas con internet', taken)).toBe('% viviendas con internet');
    expect(sheetName('Porcentaje de viviendas con internet', taken)).toBe('% viviendas con internet (2)');
    expect(sheetName('Población [2020]: total/mun?', new Set())).toBe('Población 2020 total mun');
  });
});

describe('XLSX content', () => {
  it('opens with a Léame sheet: what, folio, date, sheets, definitions, sources', async () => {
    const wb = await workbook(toluca);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Léame',
      'Población total',
      '% viviendas con internet',
    ]);
    const readme = wb.getWorksheet('Léame')!;
    expect(readme.getCell('A1').value).toBe('Respuesta a la solicitud COESPO-2026-000123');
    expect(readme.getCell('A2').value).toBe(
      'Cifras de población total, porcentaje de viviendas con internet para Toluca (2020), elaboradas por Consejo Estatal de Población.',
    );
    const all = text(readme);
    expect(all).toContain('25 de noviembre de 2026');
    expect(all).toContain('Hoja «% viviendas con internet»: Porcentaje de viviendas con internet');
    expect(all).toContain('Personas residentes habituales.');
    expect(all).toContain('INEGI, Censo de Población y Vivienda 2020');
    // One municipality is its own only member: no "Municipios que integran Toluca: Toluca".
    expect(all).not.toContain('Municipios que integran');
    expect(all).not.toContain('Redondeo');
  });

  it('each indicator sheet has its full name in A1, unit and source under it, the table from row 3', async () => {
    const ws = (await workbook(toluca)).getWorksheet('% viviendas con internet')!;
    expect(ws.getCell('A1').value).toBe('Porcentaje de viviendas con internet');
    expect(ws.getCell('A2').value).toBe('Unidad: % · Fuente: INEGI, Censo de Población y Vivienda 2020');
    expect(ws.getRow(3).getCell(4).value).toBe('Valor (%)');
    expect(ws.getRow(4).getCell(4).value).toBe(61.2);
    expect(ws.getRow(4).getCell(4).numFmt).toBe('#,##0.0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it("rounds a polygon's counts to whole people and its percentages to their decimals, and says so", async () => {
    const wb = await workbook(polygon);
    const pop = wb.getWorksheet('Población total')!;
    expect(pop.getRow(4).getCell(4).value).toBe(237_183);
    const pct = wb.getWorksheet('% viviendas con internet')!;
    expect(pct.getRow(4).getCell(4).value).toBe(58.3);
    expect(pct.getRow(4).getCell(5).value).toBe(38_212);
    expect(pct.getRow(4).getCell(6).value).toBe(65_583);
    const readme = text(wb.getWorksheet('Léame')!);
    expect(readme).toContain('Redondeo');
    expect(readme).toContain('se redondearon a unidades enteras');
    expect(readme).toContain('Municipios que toca Polígono dibujado');

    const csv = buildCsv(polygon).toString('utf8');
    expect(csv).toContain(',237183,personas,');
    expect(csv).toContain(',58.3,%,38212,65583,');
    expect(csv).not.toMatch(/\d\.\d{3,}/);
    const meta = JSON.parse(buildCsvMetadata(polygon, 'datos.csv').toString('utf8'));
    expect(meta.notes.join(' ')).toContain('se redondearon a unidades enteras');
  });
});

const file = (over: Partial<AnswerFile>): AnswerFile => ({
  name: 'coespo-2026-000123-tabulado.xlsx',
  kind: 'xlsx',
  sha256: 'a'.repeat(64),
  mediaType: 'application/octet-stream',
  size: 12_345,
  ...over,
});

const listing = {
  indicators: [population, internet],
  omitted: [{ format: 'map', reason: 'No se elaboró el mapa: el área de la solicitud no se pudo ubicar.' }],
};

describe('file labels', () => {
  it('say what each file is in words, its format and a human size', () => {
    expect(humanSize(850, 'es-MX')).toBe('850 bytes');
    expect(humanSize(12_345, 'es-MX')).toBe('12 KB');
    expect(humanSize(1_572_864, 'es-MX')).toBe('1.5 MB');
    expect(fileLabel(file({}), listing, 'es-MX')).toBe('Tabla de datos (Excel, 12 KB)');
    expect(fileLabel(file({ name: 'x-datos.csv', kind: 'csv', size: 3_000 }), listing, 'es-MX')).toBe(
      'Tabla de datos en texto (CSV, 3 KB)',
    );
    expect(
      fileLabel(file({ name: 'x-datos.csv-metadata.json', kind: 'csv_meta', size: 2_100 }), listing, 'es-MX'),
    ).toBe('Descripción de las columnas del CSV (JSON, 2 KB)');
    expect(
      fileLabel(
        file({ name: 'coespo-2026-000123-grafica-pct-dwellings-internet.png', kind: 'chart', size: 143_000 }),
        listing,
        'es-MX',
      ),
    ).toBe('Gráfica: Porcentaje de viviendas con internet (imagen PNG, 140 KB)');
    expect(
      fileLabel(
        file({ name: 'coespo-2026-000123-mapa-ubicacion.svg', kind: 'map', size: 40_000 }),
        listing,
        'es-MX',
      ),
    ).toBe('Mapa de ubicación (imagen SVG, 39 KB)');
    expect(fileLabel(file({ name: 'oficio-X.pdf', kind: 'oficio', size: 90_000 }), listing, 'es-MX')).toBe(
      'Oficio de respuesta firmado (PDF, 88 KB)',
    );
    expect(downloadAllLabel({ size: 1_572_864 }, 'es-MX')).toBe('Descargar todo (ZIP, 1.5 MB)');
    expect(fileLabel(file({}), listing, 'en')).toBe('Data table (Excel, 12 KB)');
  });

  it('state what was asked and not produced: the recorded reasons, else each missing graphic format', () => {
    expect(omittedStatements(listing, ['xlsx', 'map'], ['xlsx'], 'es-MX')).toEqual([
      'No se elaboró el mapa: el área de la solicitud no se pudo ubicar.',
    ]);
    expect(omittedStatements({}, ['xlsx', 'chart', 'map'], ['xlsx', 'chart'], 'es-MX')).toEqual([
      'No se incluye Mapa: no fue posible elaborarlo con las cifras de esta respuesta.',
    ]);
    expect(omittedStatements({}, ['xlsx', 'chart'], ['xlsx', 'chart'], 'es-MX')).toEqual([]);
  });
});

describe('ZIP', () => {
  it('opens with LEEME.txt naming each file in words, how to verify and what is missing', () => {
    const files = [
      file({ name: 'oficio-COESPO-2026-000123.pdf', kind: 'oficio', size: 90_000 }),
      file({ size: 3 }),
    ];
    const readme = zipReadme(
      {
        folio: 'COESPO-2026-000123',
        agencyName: 'Consejo Estatal de Población',
        at: new Date('2026-11-25T17:00:00Z'),
        timeZone: 'America/Mexico_City',
        verificationUrl: 'https://datos.example.gob.mx/verificar/ABCD-EFGH',
        files,
        data: listing,
        omitted: omittedStatements(listing, ['map'], ['xlsx'], 'es-MX'),
      },
      'es-MX',
    );
    const zip = buildZip(
      [
        { name: files[0]!.name, bytes: Buffer.from('%PDF-1.7') },
        { name: files[1]!.name, bytes: Buffer.from('xls') },
      ],
      new Date('2026-11-25T17:00:00Z'),
      readme,
    );
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual([
      'LEEME.txt',
      'oficio-COESPO-2026-000123.pdf',
      'coespo-2026-000123-tabulado.xlsx',
    ]);
    const leeme = Buffer.from(entries['LEEME.txt']!).toString('utf8');
    expect(
      leeme.startsWith(
        '\uFEFFRespuesta a la solicitud COESPO-2026-000123 — Consejo Estatal de Población\r\n',
      ),
    ).toBe(true);
    expect(leeme).toContain('Fecha: 25 de noviembre de 2026\r\n');
    expect(leeme).toContain('- oficio-COESPO-2026-000123.pdf: Oficio de respuesta firmado (PDF, 88 KB)\r\n');
    expect(leeme).toContain('- coespo-2026-000123-tabulado.xlsx: Tabla de datos (Excel, 3 bytes)\r\n');
    expect(leeme).toContain('https://datos.example.gob.mx/verificar/ABCD-EFGH');
    expect(leeme).toContain('- No se elaboró el mapa: el área de la solicitud no se pudo ubicar.');
  });
});

describe('delivery e-mail', () => {
  const agency = loadConfig({ NODE_ENV: 'test' }).agency;
  const base = {
    folio: 'COESPO-2026-000123',
    trackingUrl: 'https://datos.example.gob.mx/seguimiento/x',
    verificationUrl: 'https://datos.example.gob.mx/verificar/ABCD-EFGH',
    attachDocumentIds: [],
  };

  it('lists each file in words with size, a "Descargar todo" button, the expiry date and what is missing', async () => {
    const mail = await renderMail(
      'request.delivered',
      {
        ...base,
        documents: [
          { name: 'x-tabulado.xlsx', label: 'Tabla de datos (Excel, 12 KB)', url: 'https://d.example/1' },
        ],
        bundle: { label: 'Descargar todo (ZIP, 1.5 MB)', url: 'https://d.example/2' },
        linksExpireAt: '2026-12-25T05:30:00Z',
        omitted: ['No se elaboró el mapa: el área de la solicitud no se pudo ubicar.'],
      },
      'es-MX',
      agency,
    );
    for (const out of [mail.text, mail.html]) {
      expect(out).toContain('Tabla de datos (Excel, 12 KB)');
      expect(out).toContain('Descargar todo (ZIP, 1.5 MB)');
      // 05:30 UTC is still the 24th in Toluca.
      expect(out).toContain('vencen el 24 de diciembre de 2026');
      expect(out).toContain('No se elaboró el mapa');
      expect(out).not.toContain('x-tabulado.xlsx</a>');
    }
  });

  it('an e-mail queued before files were labelled still shows their names', async () => {
    const mail = await renderMail(
      'request.delivered',
      { ...base, documents: [{ name: 'x-tabulado.xlsx', url: 'https://d.example/1' }] },
      'es-MX',
      agency,
    );
    expect(mail.text).toContain('x-tabulado.xlsx');
    expect(mail.text).not.toContain('vencen');
  });
});
