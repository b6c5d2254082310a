/** Whether an indicator can answer for a year and a place: 422 with the reason when it cannot. */
import { UnprocessableError } from '../../domain/errors.ts';
import type { PlaceCatalog } from '../../domain/geography.ts';
import { defaultYear, type IndicatorDef, indicatorNameKey } from '../../domain/indicators.ts';
import type { Locale } from '../../i18n/index.ts';
import type { ResolvedGeo } from '../engine.ts';
import { countMunicipalities, summarizeYears, tr } from './translate.ts';

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

/**
 * A named place of one municipality (a region or a set of one) answers as that municipality: the same
 * rule for every kind of place. A polygon never does (its member is weighted by area).
 */
export function isOneMunicipality(geo: ResolvedGeo): boolean {
  return geo.level !== 'polygon' && geo.members.length === 1;
}

/** A place that is one municipality or the state: nothing to aggregate. */
export function isSingle(geo: ResolvedGeo): boolean {
  return geo.level === 'state' || geo.level === 'mun' || isOneMunicipality(geo);
}

export function checkLevel(places: PlaceCatalog, def: IndicatorDef, geo: ResolvedGeo, locale: Locale) {
  const level = isOneMunicipality(geo) ? 'mun' : geo.level;
  if (def.levels.includes(level)) return;
  const indicator = tr(locale, indicatorNameKey(def.id));
  if (def.aggregation === 'not_aggregable' && def.levels.includes('mun')) {
    const list = geo.members.map((m) => `${places.municipalityName(m.code)} (mun:${m.code})`).join(', ');
    // Indices and grades are composites; a percentage published without its parts cannot be pooled either.
    const composite = def.unit === 'index' || def.unit === 'grade';
    throw new UnprocessableError(
      composite ? 'stats.error.not_aggregable' : 'stats.error.not_aggregable_published',
      {
        indicator,
        place: geo.name,
        count: geo.members.length,
        municipalities: countMunicipalities(locale, geo.members.length),
        list,
      },
    );
  }
  throw new UnprocessableError('stats.error.level_unavailable', {
    indicator,
    levels: def.levels.map((l) => tr(locale, `stats.level.${l}`)).join(', '),
  });
}
