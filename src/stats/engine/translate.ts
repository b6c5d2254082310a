import { type Locale, type MessageKey, type Params, translate } from '../../i18n/index.ts';

/** Catalog keys built at run time (`stats.ind.<id>.name`…); the catalogs' parity test covers them. */
export const tr = (locale: Locale, key: string, params?: Params) =>
  translate(locale, key as MessageKey, params);

/** "1990, 1995, …" or "1970–2070" for long consecutive ranges. */
export function summarizeYears(years: readonly number[]): string {
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return consecutive && years.length > 3 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** "1 municipio" / "6 municipios": the catalog's one/other forms chosen by Intl.PluralRules. */
export function countMunicipalities(locale: Locale, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return tr(locale, `stats.count.municipalities.${form}`, { count });
}
