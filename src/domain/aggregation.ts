/**
 * Aggregation rules, pure. A place's value is built from its member municipalities, each with a
 * weight (1 for named places; the area share for a custom polygon):
 *   sum    Σ weight × value
 *   ratio  scale × Σ weight × numerator / Σ weight × denominator   (never an average of percentages)
 * Suppressed or unavailable members are never read as 0: they are left out and reported, so the
 * caller can say the aggregate is partial. A member that did not exist yet (`not_applicable`: a
 * municipality created later, whose territory is inside others' figures) is left out without making
 * the aggregate partial.
 */

export type CellStatus = 'ok' | 'suppressed' | 'not_available' | 'not_applicable';

/** The reason a set of missing cells gives: confidentiality first, then "not available". */
function worst(statuses: readonly CellStatus[]): Exclude<CellStatus, 'ok'> {
  if (statuses.includes('suppressed')) return 'suppressed';
  if (statuses.includes('not_available')) return 'not_available';
  return 'not_applicable';
}

const isMissing = (c: Cell) => c.status !== 'ok' || c.value === null;
export type Cell = { value: number | null; status: CellStatus };
export const MISSING: Cell = { value: null, status: 'not_available' };

export type AggregateStatus = 'ok' | 'partial' | CellStatus;

export type Excluded = { code: string; status: Exclude<CellStatus, 'ok'> };

export type Aggregate = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: AggregateStatus;
  /** Members left out because their value is suppressed or not available. */
  excluded: Excluded[];
};

/** Adds signed cells (e.g. P_2020 − P_2010); any missing term makes the result missing. */
export function combine(cells: readonly { cell: Cell; sign: 1 | -1 }[]): Cell {
  const missing = cells.filter((c) => isMissing(c.cell)).map((c) => c.cell.status);
  if (missing.length > 0) return { value: null, status: worst(missing) };
  return { value: cells.reduce((s, c) => s + c.sign * (c.cell.value as number), 0), status: 'ok' };
}

function finalStatus(included: number, excluded: Excluded[]): AggregateStatus {
  if (included > 0) return excluded.some((e) => e.status !== 'not_applicable') ? 'partial' : 'ok';
  return excluded.length > 0 ? worst(excluded.map((e) => e.status)) : 'not_available';
}

export function aggregateSum(parts: readonly { code: string; weight: number; cell: Cell }[]): Aggregate {
  let total = 0;
  let included = 0;
  const excluded: Excluded[] = [];
  for (const p of parts) {
    if (isMissing(p.cell)) {
      excluded.push({ code: p.code, status: worst([p.cell.status]) });
      continue;
    }
    total += p.weight * (p.cell.value as number);
    included++;
  }
  const status = finalStatus(included, excluded);
  const value = included > 0 ? total : null;
  return { value, numerator: value, denominator: null, status, excluded };
}

export function aggregateRatio(
  parts: readonly { code: string; weight: number; numerator: Cell; denominator: Cell }[],
  scale: number,
): Aggregate {
  let num = 0;
  let den = 0;
  let included = 0;
  const excluded: Excluded[] = [];
  for (const p of parts) {
    const missing = [p.numerator, p.denominator].filter(isMissing);
    if (missing.length > 0) {
      excluded.push({ code: p.code, status: worst(missing.map((c) => c.status)) });
      continue;
    }
    num += p.weight * (p.numerator.value as number);
    den += p.weight * (p.denominator.value as number);
    included++;
  }
  const status = finalStatus(included, excluded);
  if (included === 0) return { value: null, numerator: null, denominator: null, status, excluded };
  if (den === 0) return { value: null, numerator: num, denominator: den, status: 'not_available', excluded };
  return { value: (scale * num) / den, numerator: num, denominator: den, status, excluded };
}

type Part = { code: string; weight: number; cell: Cell };

/**
 * Σ over terms of sign × (Σ over the members that have the term). For comparisons between years: a
 * municipality created in between has no figure for the earlier year, but its territory is inside the
 * others' earlier figures, so each year is summed over the members that existed then.
 */
export function aggregateTerms(terms: readonly { sign: 1 | -1; parts: readonly Part[] }[]): Aggregate {
  let total = 0;
  const excluded = new Map<string, Excluded>();
  for (const t of terms) {
    const a = aggregateSum(t.parts);
    if (a.value === null)
      return { value: null, numerator: null, denominator: null, status: a.status, excluded: a.excluded };
    total += t.sign * a.value;
    for (const e of a.excluded) excluded.set(e.code, e);
  }
  return {
    value: total,
    numerator: total,
    denominator: null,
    status: finalStatus(1, [...excluded.values()]),
    excluded: [...excluded.values()],
  };
}

/** scale × numerator / denominator of two aggregates (each already summed over its members). */
export function ratioOf(num: Aggregate, den: Aggregate, scale: number): Aggregate {
  const excluded = [...new Map([...num.excluded, ...den.excluded].map((e) => [e.code, e])).values()];
  if (num.value === null || den.value === null) {
    const status = num.value === null ? num.status : den.status;
    return { value: null, numerator: num.value, denominator: den.value, status, excluded };
  }
  if (den.value === 0)
    return { value: null, numerator: num.value, denominator: 0, status: 'not_available', excluded };
  return {
    value: (scale * num.value) / den.value,
    numerator: num.value,
    denominator: den.value,
    status: finalStatus(1, excluded),
    excluded,
  };
}
