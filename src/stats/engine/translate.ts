import { type Locale, type MessageKey, type Params, translate } from '../../i18n/index.ts';

/** Catalog keys built at run time (`stats.ind.<id>.name`…); the catalogs' parity test covers them. */
export const tr = (locale: Locale, key: string, params?: Params) =>
  translate(locale, key as MessageKey, params);

/** "1990, 1995, …" or "1970–2070" for long consecutive ranges. */
export function summarizeYears(years: readonly number[]): string {
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return consecutive && years.length > 3 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}
