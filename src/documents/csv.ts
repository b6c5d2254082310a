import { type Locale, translate } from '../i18n/index.ts';
import { type AnswerData, fileNumbers, isAreaShareEstimate } from './data-model.ts';

const BOM = '\uFEFF';

/**
 * A text cell that a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe
 * (OWASP CSV injection). Numbers are written as numbers, so negative values stay numbers.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value.normalize('NFC');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = [
  ['indicator_id', 'data.col.indicator_id'],
  ['indicator', 'data.col.indicator'],
  ['geo_id', 'data.col.geo_id'],
  ['geo', 'data.col.geo'],
  ['year', 'data.col.year'],
  ['value', 'data.col.value'],
  ['unit', 'data.col.unit'],
  ['numerator', 'data.col.numerator'],
  ['denominator', 'data.col.denominator'],
  ['source', 'data.col.source'],
  ['notes', 'data.col.notes'],
] as const;

/**
 * UTF-8 with BOM (Excel then reads accents right), comma separated, CRLF, one header row. Numbers as
 * the XLSX holds them (`fileNumbers`: the indicator's decimals, a drawn area's counts whole).
 */
export function buildCsv(data: AnswerData): Buffer {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const r of data.rows) {
    const n = fileNumbers(r);
    lines.push(
      [
        r.indicatorId,
        r.indicatorName,
        r.geoId,
        r.geoName,
        r.year,
        n.value,
        r.unitLabel,
        n.numerator,
        n.denominator,
        r.source,
        r.notes.join(' '),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The CSV's metadata sidecar in CSV on the Web (W3C) form: column titles, definitions, sources. */
export function buildCsvMetadata(data: AnswerData, csvName: string, locale: Locale = 'es-MX'): Buffer {
  const doc = {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': locale }],
    url: csvName,
    'dc:title': `${data.folio} — ${data.geo.name}`,
    'dc:publisher': data.agencyName,
    'dc:created': data.generatedAt.toISOString(),
    'dc:identifier': data.folio,
    dialect: { encoding: 'utf-8', delimiter: ',', header: true },
    tableSchema: {
      columns: COLUMNS.map(([name, key]) => ({
        name,
        titles: translate(locale, key),
        datatype:
          name === 'year' ? 'integer' : ['numerator', 'denominator'].includes(name) ? 'number' : 'string',
      })),
    },
    indicators: data.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      definition: i.definition,
      unit: i.unitLabel,
      sources: i.sources,
    })),
    geography: { id: data.geo.id, name: data.geo.name, members: data.geo.members },
    ...(data.places ? { places: data.places } : {}),
    notes: [
      ...data.notes,
      ...(data.rows.some(isAreaShareEstimate) ? [translate(locale, 'data.note.area_share_rounded')] : []),
    ],
  };
  return Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
}
