import ExcelJS from 'exceljs';
import { formatDate } from '../i18n/format.ts';
import { type Locale, translate } from '../i18n/index.ts';
import { type AnswerData, fileNumbers, isAreaShareEstimate, numberFormat } from './data-model.ts';

const SHEET_NAME_MAX = 31;

// Shortenings a statistician reads without a legend, applied one at a time until the name fits.
const SHORTER: [string | RegExp, string][] = [
  [/^Porcentaje de población analfabeta/, '% analfabetas'],
  [/^Porcentaje de población ocupada/, '% ocupados'],
  [/^Porcentaje de la /, '% '],
  [/^Porcentaje de /, '% '],
  [/^Tasa de crecimiento media anual de la población/, 'Tasa crec. media anual pob.'],
  [/^Índice de marginación (municipal|estatal)/, 'Marginación $1'],
  [/^Índice de marginación/, 'Índ. marginación'],
  ['Pirámide de población', 'Pirámide'],
  ['Población proyectada', 'Proyección'],
  ['del estado', 'estatal'],
  [/ \((CONAPO[^)]*)\)/, ' $1'],
  ['Cambio porcentual', 'Cambio %'],
  ['Cambio absoluto', 'Cambio abs.'],
  ['entre censos', 'intercensal'],
  [' urbanas con índice de marginación', ' por marginación'],
  ['de marginación alta o muy alta', 'marg. (muy) alta'],
  ['urbana en AGEB', 'en AGEB'],
  [/ \(calculado[^)]*\)/, ' (calc.)'],
  ['servicios de salud', 'serv. salud'],
  ['afiliación', 'afil.'],
  ['educación básica', 'ed. básica'],
  ['afrodescendiente', 'afrodesc.'],
  ['población', 'pob.'],
  ['Población', 'Pob.'],
  ['viviendas', 'viv.'],
  ['Viviendas', 'Viv.'],
  ['años y más', 'años+'],
  ['lengua indígena', 'lengua ind.'],
  ['económicamente', 'econ.'],
  ['de la pob.', 'pob.'],
  [/ de /g, ' '],
];

/**
 * A sheet name within Excel's 31 characters that still says what the sheet holds: the indicator's
 * name shortened word by word ("% viv. con internet"), cut at a word with "…" only as a last resort,
 * numbered when two come out the same. The full name is in the sheet's cell A1.
 */
export function sheetName(name: string, taken: Set<string>): string {
  // Excel forbids : \ / ? * [ ] and a leading or trailing apostrophe.
  let base = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [from, to] of SHORTER) {
    if (base.length <= SHEET_NAME_MAX) break;
    base = base.replace(from, to);
  }
  if (base.length > SHEET_NAME_MAX) {
    const cut = base.slice(0, SHEET_NAME_MAX - 1);
    base = `${cut.slice(0, cut.lastIndexOf(' ') > 10 ? cut.lastIndexOf(' ') : cut.length).trimEnd()}…`;
  }
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** "2010, 2020" */
function yearsOf(data: AnswerData): string {
  return [...new Set(data.rows.map((r) => r.year))].sort().join(', ');
}

/**
 * The tabulado: a "Léame" sheet first (what it is, the folio, date, sheets, definitions, sources,
 * places, notes), then one sheet per indicator with its full name in A1, its unit and source under
 * it, and the table (numbers as numbers with the indicator's decimals, frozen header, filter).
 */
export async function buildXlsx(data: AnswerData, locale: Locale = 'es-MX'): Promise<Buffer> {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(locale, k, p);
  const wb = new ExcelJS.Workbook();
  wb.creator = data.agencyName;
  wb.created = data.generatedAt;
  wb.modified = data.generatedAt;
  const taken = new Set<string>();
  const readme = wb.addWorksheet(sheetName(t('data.sheet.readme'), taken));
  const sheets: { name: string; indicator: AnswerData['indicators'][number] }[] = [];

  for (const ind of data.indicators) {
    const name = sheetName(ind.name, taken);
    sheets.push({ name, indicator: ind });
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    ws.getCell('A1').value = ind.name;
    ws.getCell('A1').font = { bold: true, size: 13 };
    ws.getCell('A2').value = [
      t('data.readme.unit', { unit: ind.unitLabel }),
      ...(ind.sources.length > 0 ? [t('data.readme.source_line', { source: ind.sources.join('; ') })] : []),
    ].join(' · ');
    const columns = [
      { header: t('data.col.geo_id'), key: 'geoId', width: 14 },
      { header: t('data.col.geo'), key: 'geoName', width: 36 },
      { header: t('data.col.year'), key: 'year', width: 8 },
      { header: `${t('data.col.value')} (${ind.unitLabel})`, key: 'value', width: 18 },
      { header: t('data.col.numerator'), key: 'numerator', width: 16 },
      { header: t('data.col.denominator'), key: 'denominator', width: 16 },
      { header: t('data.col.source'), key: 'source', width: 50 },
      { header: t('data.col.notes'), key: 'notes', width: 40 },
    ];
    columns.forEach((col, i) => {
      ws.getColumn(i + 1).width = col.width;
    });
    const header = ws.getRow(3);
    header.values = columns.map((c) => c.header);
    header.font = { bold: true };
    for (const r of data.rows.filter((row) => row.indicatorId === ind.id)) {
      const n = fileNumbers(r);
      const row = ws.addRow([
        r.geoId,
        r.geoName,
        r.year,
        n.value,
        n.numerator,
        n.denominator,
        r.source,
        r.notes.join(' '),
      ]);
      row.getCell(4).numFmt = numberFormat(ind.decimals);
      row.getCell(5).numFmt = '#,##0';
      row.getCell(6).numFmt = '#,##0';
    }
    ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  }

  // The Léame sheet: what the workbook is, then field / content rows.
  readme.getColumn(1).width = 36;
  readme.getColumn(2).width = 100;
  readme.getCell('A1').value = t('data.readme.title', { folio: data.folio });
  readme.getCell('A1').font = { bold: true, size: 14 };
  readme.getCell('A2').value = t('data.readme.what', {
    indicators: data.indicators.map((i) => i.name.toLowerCase()).join(', '),
    place: data.geo.name,
    years: yearsOf(data),
    agency: data.agencyName,
  });
  const head = readme.getRow(4);
  head.values = [t('data.meta.field'), t('data.meta.content')];
  head.font = { bold: true };
  const add = (field: string, content: string) => readme.addRow([field, content]);
  add(t('data.meta.folio'), data.folio);
  add(t('data.meta.generated_at'), formatDate(data.generatedAt, locale, data.timeZone));
  add(t('data.meta.agency'), data.agencyName);
  add(
    t('data.readme.sheets'),
    sheets.map((s) => `${t('data.readme.sheet', { sheet: s.name })}: ${s.indicator.name}`).join('\n'),
  );
  add(t('data.readme.columns'), t('data.readme.columns_text'));
  for (const ind of data.indicators) {
    add(`${ind.name} — ${t('data.meta.definition')}`, ind.definition);
    add(`${ind.name} — ${t('data.meta.source')}`, ind.sources.join('; '));
  }
  for (const place of data.places ?? [data.geo]) {
    // A municipality is its own only member: listing "Toluca: Toluca" says nothing.
    const self = place.members.length === 1 && place.members[0]!.id === place.id;
    if (self || place.members.length === 0) continue;
    const key = place.id.startsWith('polygon:') ? 'data.meta.members_polygon' : 'data.meta.members';
    add(t(key, { geo: place.name }), place.members.map((m) => `${m.name} (${m.id})`).join(', '));
  }
  const suppressed = data.rows.filter((r) => r.value === null);
  add(
    t('data.meta.suppressed'),
    suppressed.length === 0
      ? t('data.meta.suppressed_none')
      : suppressed.map((r) => `${r.indicatorName}, ${r.geoName}, ${r.year}: ${r.notes.join(' ')}`).join('; '),
  );
  if (data.rows.some(isAreaShareEstimate)) add(t('data.readme.rounding'), t('data.note.area_share_rounded'));
  for (const n of data.notes) add(t('data.col.notes'), n);
  readme.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  readme.getColumn(1).alignment = { vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
