import { z } from 'zod';
import { type FieldError, InvalidInputError } from '../../domain/errors.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { SECTORS, type Sector } from '../requests/request-input.ts';

export const MIN_RESULTS_YEAR = 2000;
export const MAX_RESULTS_YEAR = 2100;

export type ResultsFilters = { year: number; fromMonth: number; toMonth: number; sector: Sector | null };

/** Empty query values mean "not given" (a GET form sends `sector=` for "all sectors"). */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

function schema(t: Translate, thisYear: number, sectors: readonly string[]) {
  const m = (key: MessageKey, params?: Record<string, string | number>) => ({ message: t(key, params) });
  const yearMsg = m('results.err.year', { min: MIN_RESULTS_YEAR, max: MAX_RESULTS_YEAR });
  const month = (fallback: number) =>
    z.preprocess(
      blankToUndefined,
      z.coerce
        .number(m('results.err.month'))
        .int(m('results.err.month'))
        .min(1, m('results.err.month'))
        .max(12, m('results.err.month'))
        .default(fallback),
    );
  return z
    .object({
      year: z.preprocess(
        blankToUndefined,
        z.coerce
          .number(yearMsg)
          .int(yearMsg)
          .min(MIN_RESULTS_YEAR, yearMsg)
          .max(MAX_RESULTS_YEAR, yearMsg)
          .default(thisYear),
      ),
      from: month(1),
      to: month(12),
      sector: z.preprocess(
        blankToUndefined,
        z.enum(sectors as [string, ...string[]], m('results.err.sector')).optional(),
      ),
    })
    .refine((v) => v.from <= v.to, { path: ['to'], ...m('results.err.month_range') });
}

/**
 * The filters of the results pages and API from a query string (year, from, to, sector); missing
 * values take the current year and the whole year. Throws InvalidInputError with messages in `t`'s language.
 */
export function parseResultsFilters(
  query: Record<string, string | undefined>,
  t: Translate,
  now: Date,
  /** The agency's sectors (`agency.sectors`); the default list when not given. */
  sectors: readonly string[] = SECTORS,
): ResultsFilters {
  const parsed = schema(t, now.getUTCFullYear(), sectors).safeParse(query);
  if (!parsed.success) {
    const fields: FieldError[] = parsed.error.issues.map((i) => ({
      field: String(i.path[0] ?? 'year'),
      message: i.message,
    }));
    throw new InvalidInputError(fields);
  }
  const v = parsed.data;
  return { year: v.year, fromMonth: v.from, toMonth: v.to, sector: v.sector ?? null };
}
