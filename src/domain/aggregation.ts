/**
 * Aggregation rules, pure. A place's value is built from its member municipalities, each with a
 * weight (1 for named places; the area share for a custom polygon):
 *   sum    Σ weight × value
 *   ratio  scale × Σ weight × numerator / Σ weight × denominator   (never an average of percentages)
 * Suppressed or unavailable members are never read as 0: they are left out and reported, so the
 * caller can say the aggregate is partial.
 */

export type CellStatus = 'ok' | 'suppressed' | 'not_available';
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
  let total = 0;
  let status: CellStatus = 'ok';
  for (const { cell, sign } of cells) {
    if (cell.status !== 'ok' || cell.value === null) {
      // Suppression (confidentiality) is the more specific reason, so it wins.
      if (status !== 'suppressed') status = cell.status === 'suppressed' ? 'suppressed' : 'not_available';
      continue;
    }
    total += sign * cell.value;
  }
  return status === 'ok' ? { value: total, status } : { value: null, status };
}

function finalStatus(included: number, excluded: Excluded[]): AggregateStatus {
  if (included > 0) return excluded.length > 0 ? 'partial' : 'ok';
  return excluded.some((e) => e.status === 'suppressed') ? 'suppressed' : 'not_available';
}

export function aggregateSum(parts: readonly { code: string; weight: number; cell: Cell }[]): Aggregate {
  let total = 0;
  let included = 0;
  const excluded: Excluded[] = [];
  for (const p of parts) {
    if (p.cell.status !== 'ok' || p.cell.value === null) {
      excluded.push({
        code: p.code,
        status: p.cell.status === 'suppressed' ? 'suppressed' : 'not_available',
      });
      continue;
    }
    total += p.weight * p.cell.value;
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
    const bad = [p.numerator, p.denominator].find((c) => c.status !== 'ok' || c.value === null);
    if (bad) {
      const status = [p.numerator, p.denominator].some((c) => c.status === 'suppressed')
        ? 'suppressed'
        : 'not_available';
      excluded.push({ code: p.code, status });
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
    status: excluded.size > 0 ? 'partial' : 'ok',
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
    status: excluded.length > 0 ? 'partial' : 'ok',
    excluded,
  };
}

/** Rounds for presentation (half away from zero), keeping integers exact. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(value) * (Math.round(Math.abs(value) * f) / f);
}
