// A small CSV reader for the reference recomputations: independent of src/stats/importers on purpose,
// so a bug there cannot hide in both the engine and its check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type CsvRow = Record<string, string>;

/** RFC 4180 fields (quotes, doubled quotes, commas inside quotes); one row per line. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function readStaged(dir: string, file: string): CsvRow[] {
  const lines = readFileSync(join(dir, file), 'utf8').replace(/\r/g, '').split('\n').filter(Boolean);
  const header = splitLine(lines[0]!).map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = splitLine(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

/** A number, or null for an empty / "ND" cell. */
export function num(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const s = raw.trim();
  if (s === '' || s === 'ND' || s === 'NA' || s === '*' || s === 'N/D') return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}
