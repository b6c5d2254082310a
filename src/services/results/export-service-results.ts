import ExcelJS from 'exceljs';
import { csvCell } from '../../documents/csv.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceResults } from '../../domain/service-measures.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import type { ResultsFilters } from './filters.ts';
import { getServiceResults } from './get-service-results.ts';
import {
  agencySectors,
  changeOf,
  DEFINITIONS,
  measureParams,
  monthName,
  type SectorLabel,
  SUMMARY_MEASURES,
  topicLabel,
} from './measure-table.ts';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportFile = { filename: string; contentType: string; body: Uint8Array };

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** One row per month of both years plus each year's total; one column per summary measure. */
function monthlyRows(t: Translate, r: ServiceResults): (string | number | null)[][] {
  const params = measureParams(r.slaHours);
  const head = [
    t('results.col.year'),
    t('results.col.month'),
    ...SUMMARY_MEASURES.map((m) => t(m.label, params)),
  ];
  const rows: (string | number | null)[][] = [head];
  for (const y of [r.previous, r.current]) {
    for (const m of y.months) {
      if (m.future) continue;
      rows.push([
        y.year,
        monthName(t, m.month),
        ...SUMMARY_MEASURES.map((s) => round(s.get(m.measures) as number | null)),
      ]);
    }
    rows.push([
      y.year,
      t('results.total'),
      ...SUMMARY_MEASURES.map((s) => round(s.get(y.total) as number | null)),
    ]);
  }
  return rows;
}

async function xlsx(
  t: Translate,
  r: ServiceResults,
  sectorList: readonly SectorLabel[],
): Promise<Uint8Array> {
  const params = measureParams(r.slaHours);
  const wb = new ExcelJS.Workbook();
  const prev = String(r.previous.year);
  const cur = String(r.current.year);
  const bold = (ws: ExcelJS.Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const summary = wb.addWorksheet(t('results.sheet.summary'));
  summary.addRow([t('results.col.measure'), prev, cur, t('results.col.change')]);
  for (const m of SUMMARY_MEASURES) {
    const p = m.get(r.previous.total) as number | null;
    const c = m.get(r.current.total) as number | null;
    const change = changeOf(c, p);
    summary.addRow([t(m.label, params), round(p), round(c), change === null ? null : round(change)]);
  }
  summary.getColumn(4).numFmt = '0.0%';
  summary.getColumn(1).width = 48;
  bold(summary);

  const monthly = wb.addWorksheet(t('results.sheet.monthly'));
  for (const row of monthlyRows(t, r)) monthly.addRow(row);
  bold(monthly);

  const sectors = wb.addWorksheet(t('results.sheet.sectors'));
  sectors.addRow([
    t('results.col.sector'),
    `${t('results.col.requests')} ${prev}`,
    `${t('results.col.requesters')} ${prev}`,
    `${t('results.col.requests')} ${cur}`,
    `${t('results.col.requesters')} ${cur}`,
  ]);
  for (const s of sectorList) {
    const p = r.previous.total.bySector[s.id];
    const c = r.current.total.bySector[s.id];
    sectors.addRow([s.label, p?.requests ?? 0, p?.requesters ?? 0, c?.requests ?? 0, c?.requesters ?? 0]);
  }
  sectors.getColumn(1).width = 36;
  bold(sectors);

  const topics = wb.addWorksheet(t('results.sheet.topics'));
  topics.addRow([t('results.col.topic'), prev, cur]);
  const ids = [
    ...new Set([...Object.keys(r.previous.total.topics), ...Object.keys(r.current.total.topics)]),
  ].sort();
  for (const id of ids)
    topics.addRow([topicLabel(t, id), r.previous.total.topics[id] ?? 0, r.current.total.topics[id] ?? 0]);
  topics.getColumn(1).width = 36;
  bold(topics);

  const defs = wb.addWorksheet(t('results.sheet.definitions'));
  defs.addRow([t('results.col.measure'), t('results.section.definitions')]);
  for (const d of DEFINITIONS) defs.addRow([t(d.label, params), t(d.definition, params)]);
  defs.getColumn(1).width = 40;
  defs.getColumn(2).width = 120;
  bold(defs);

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The staff results as a file: CSV (monthly table) or XLSX (summary, monthly, sectors, topics, definitions). */
export async function exportServiceResults(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  actor: Actor,
  filters: ResultsFilters,
  format: ExportFormat,
  t: Translate,
  locale: Locale,
): Promise<ExportFile> {
  const r = await getServiceResults(deps, actor, filters);
  const base = `resultados-${r.year}-${String(r.fromMonth).padStart(2, '0')}-${String(r.toMonth).padStart(2, '0')}${r.sector ? `-${r.sector}` : ''}`;
  if (format === 'csv') {
    // BOM: spreadsheet programs then read the accents as UTF-8.
    const text = `\uFEFF${monthlyRows(t, r)
      .map((row) => row.map(csvCell).join(','))
      .join('\r\n')}\r\n`;
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: new TextEncoder().encode(text),
    };
  }
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await xlsx(t, r, agencySectors(t, locale, deps.config.agency)),
  };
}
