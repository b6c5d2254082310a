/** Whether an indicator can answer for a year and a place: 422 with the reason when it cannot. */
import { UnprocessableError } from '../../domain/errors.ts';
import type { PlaceCatalog } from '../../domain/geography.ts';
import { defaultYear, type IndicatorDef, indicatorNameKey } from '../../domain/indicators.ts';
import type { Locale } from '../../i18n/index.ts';
import type { ResolvedGeo } from '../engine.ts';
import { summarizeYears, tr } from './translate.ts';

export function checkYear(def: IndicatorDef, year: number | undefined, locale: Locale): number {
  const y = year ?? defaultYear(def);
  if (!def.years.includes(y))
    throw new UnprocessableError('stats.error.year_unavailable', {
      indicator: tr(locale, indicatorNameKey(def.id)),
      year: y,
      years: summarizeYears(def.years),
    });
  return y;
}

/** A place that is one municipality or the state: nothing to aggregate. */
export function isSingle(geo: ResolvedGeo): boolean {
  return geo.level === 'state' || geo.level === 'mun' || (geo.level === 'set' && geo.members.length === 1);
}

export function checkLevel(places: PlaceCatalog, def: IndicatorDef, geo: ResolvedGeo, locale: Locale) {
  const level = geo.level === 'set' && geo.members.length === 1 ? 'mun' : geo.level;
  if (def.levels.includes(level)) return;
  const indicator = tr(locale, indicatorNameKey(def.id));
  if (def.aggregation === 'not_aggregable' && def.levels.includes('mun')) {
    const list = geo.members.map((m) => `${places.municipalityName(m.code)} (mun:${m.code})`).join(', ');
    throw new UnprocessableError('stats.error.not_aggregable', {
      indicator,
      place: geo.name,
      count: geo.members.length,
      list,
    });
  }
  throw new UnprocessableError('stats.error.level_unavailable', {
    indicator,
    levels: def.levels.map((l) => tr(locale, `stats.level.${l}`)).join(', '),
  });
}
