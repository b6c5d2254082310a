import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Cell } from '../../domain/aggregation.ts';
import type { DatasetId } from '../../domain/indicators.ts';
import { type MessageKey, type Params, translate } from '../../i18n/index.ts';
import type { Fact } from '../engine.ts';

/** A bad input file: names the file, the row (line in the file, header = 1) and the column. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    /** `stats.import.problem.<problem>` in the message catalog. */
    readonly problem: string,
    readonly params: Params = {},
  ) {
    const text = translate('es-MX', `stats.import.problem.${problem}` as MessageKey, params);
    super(
      row === null
        ? translate('es-MX', 'stats.import.file_error', { file, problem: text })
        : translate('es-MX', 'stats.import.error', { file, row, column: column ?? '—', problem: text }),
    );
  }
}

export type SourceFile = { name: string; bytes: Uint8Array };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** UTF-8 (with or without BOM) or, failing that, latin-1 — INEGI publishes both. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('latin1').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type Row = { line: number; get(column: string): string };
export type Table = { file: string; columns: string[]; rows: Row[] };

/** Parses a CSV with a header row; column names are trimmed (INEGI pads some with spaces). */
export function readCsv(file: SourceFile): Table {
  const text = decodeText(file.bytes);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      skip_empty_lines: true,
      info: true,
      relax_quotes: true,
    }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    throw new ImportError(file.name, e.lines ?? null, null, 'bad_csv', { detail: e.message });
  }
  const [head, ...body] = records;
  if (!head) throw new ImportError(file.name, null, null, 'empty');
  const columns = head.record.map((c) => c.trim());
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows = body.map(({ record, info }) => ({
    line: info.lines,
    get(column: string): string {
      const i = index.get(column);
      if (i === undefined) throw new ImportError(file.name, info.lines, column, 'no_column');
      return (record[i] ?? '').trim();
    },
  }));
  return { file: file.name, columns, rows };
}

export function requireColumns(t: Table, required: readonly string[]): void {
  const missing = required.filter((c) => !t.columns.includes(c));
  if (missing.length > 0)
    throw new ImportError(t.file, null, null, 'missing_columns', { columns: missing.join(', ') });
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A published cell: `*` suppressed (confidentiality), `N/D`/`ND`/empty not available, else a number. */
export function cellAt(t: Table, row: Row, column: string): Cell {
  const raw = row.get(column);
  if (raw === '*') return { value: null, status: 'suppressed' };
  if (raw === '' || raw === 'N/D' || raw === 'ND' || raw === 'NA')
    return { value: null, status: 'not_available' };
  const clean = raw.replace(/,/g, '');
  if (!NUMBER.test(clean)) throw new ImportError(t.file, row.line, column, 'not_numeric', { value: raw });
  return { value: Number(clean), status: 'ok' };
}

/** Checks a + b = total when all three are published (e.g. women + men = population). */
export function checkTotal(t: Table, row: Row, total: string, parts: readonly string[]): void {
  const cells = [total, ...parts].map((c) => cellAt(t, row, c));
  if (cells.some((c) => c.status !== 'ok')) return;
  const [sum, ...rest] = cells.map((c) => c.value as number);
  const added = rest.reduce((a, b) => a + b, 0);
  if (Math.abs(added - (sum as number)) > 0.5)
    throw new ImportError(t.file, row.line, total, 'total_mismatch', {
      parts: parts.join(' + '),
      added,
      total,
      sum: sum as number,
    });
}

/** Collects facts for one dataset. */
export class FactSink {
  readonly facts: Fact[] = [];
  constructor(private readonly dataset: DatasetId) {}

  cell(variable: string, geo: string, year: number, cell: Cell): void {
    this.facts.push({
      dataset: this.dataset,
      variable,
      geo,
      year,
      value: cell.value,
      text: null,
      status: cell.status,
    });
  }

  text(variable: string, geo: string, year: number, text: string): void {
    const ok = text !== '' && text !== 'N/D';
    this.facts.push({
      dataset: this.dataset,
      variable,
      geo,
      year,
      value: null,
      text: ok ? text : null,
      status: ok ? 'ok' : 'not_available',
    });
  }
}
