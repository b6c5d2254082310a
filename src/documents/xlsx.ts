import ExcelJS from 'exceljs';
import { formatDate } from '../i18n/format.ts';
import { type Locale, translate } from '../i18n/index.ts';
import { type AnswerData, numberFormat } from './data-model.ts';

// Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters.
function sheetName(name: string, taken: Set<string>): string {
  const base = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim();
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 27)} (${i})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** One sheet per indicator (numbers as numbers, formatted, frozen header) plus "Metadatos". */
export async function buildXlsx(data: AnswerData, locale: Locale = 'es-MX'): Promise<Buffer> {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
    translate(locale, k, p);
  const wb = new ExcelJS.Workbook();
  wb.creator = data.agencyName;
  wb.created = data.generatedAt;
  wb.modified = data.generatedAt;
  const taken = new Set<string>();
  for (const ind of data.indicators) {
    const ws = wb.addWorksheet(sheetName(ind.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { header: t('data.col.geo_id'), key: 'geoId', width: 14 },
      { header: t('data.col.geo'), key: 'geoName', width: 36 },
      { header: t('data.col.year'), key: 'year', width: 8 },
      {
        header: `${t('data.col.value')} (${ind.unitLabel})`,
        key: 'value',
        width: 18,
        style: { numFmt: numberFormat(ind.decimals) },
      },
      { header: t('data.col.numerator'), key: 'numerator', width: 16, style: { numFmt: '#,##0' } },
      { header: t('data.col.denominator'), key: 'denominator', width: 16, style: { numFmt: '#,##0' } },
      { header: t('data.col.source'), key: 'source', width: 50 },
      { header: t('data.col.notes'), key: 'notes', width: 40 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const r of data.rows.filter((row) => row.indicatorId === ind.id)) {
      ws.addRow({
        geoId: r.geoId,
        geoName: r.geoName,
        year: r.year,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        source: r.source,
        notes: r.notes.join(' '),
      });
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  }

  const meta = wb.addWorksheet(sheetName(t('data.sheet.metadata'), taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  meta.columns = [
    { header: t('data.meta.field'), key: 'field', width: 34 },
    { header: t('data.meta.content'), key: 'content', width: 100 },
  ];
  meta.getRow(1).font = { bold: true };
  meta.addRow({ field: t('data.meta.folio'), content: data.folio });
  meta.addRow({
    field: t('data.meta.generated_at'),
    content: formatDate(data.generatedAt, locale, data.timeZone),
  });
  meta.addRow({ field: t('data.meta.agency'), content: data.agencyName });
  for (const ind of data.indicators) {
    meta.addRow({ field: `${ind.name} — ${t('data.meta.definition')}`, content: ind.definition });
    meta.addRow({ field: `${ind.name} — ${t('data.meta.source')}`, content: ind.sources.join('; ') });
  }
  for (const place of data.places ?? [data.geo]) {
    meta.addRow({
      field: t('data.meta.members', { geo: place.name }),
      content: place.members.map((m) => `${m.name} (${m.id})`).join(', '),
    });
  }
  const suppressed = data.rows.filter((r) => r.value === null);
  meta.addRow({
    field: t('data.meta.suppressed'),
    content:
      suppressed.length === 0
        ? t('data.meta.suppressed_none')
        : suppressed
            .map((r) => `${r.indicatorName}, ${r.geoName}, ${r.year}: ${r.notes.join(' ')}`)
            .join('; '),
  });
  for (const n of data.notes) meta.addRow({ field: t('data.col.notes'), content: n });
  meta.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
