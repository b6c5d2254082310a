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

/**
 * A comparison between years (a term with a year shift) across a municipal split is refused unless the
 * place holds the whole family (parents and the new municipality) or none of it: otherwise one side of
 * the comparison counts territory the other does not (San Felipe del Progreso 2000–2010: −31.5 %).
 */
export function checkTerritory(
  places: PlaceCatalog,
  def: IndicatorDef,
  geo: ResolvedGeo,
  year: number,
  locale: Locale,
): void {
  const shifts = [...def.numerator, ...(def.denominator ?? [])].map((t) => t.yearShift ?? 0);
  const from = year + Math.min(0, ...shifts);
  if (from === year || geo.level === 'state') return;
  const members = new Set(geo.members.map((m) => m.code));
  for (const change of places.changes) {
    if (!(from < change.firstCount && change.firstCount <= year)) continue;
    const family = [...change.parents, change.code];
    const inside = family.filter((c) => members.has(c));
    if (inside.length === 0 || inside.length === family.length) continue;
    const name = (c: string) => places.municipalityName(c) ?? c;
    const suggestion = `set:${[...new Set([...members, ...family])].sort().join(',')}`;
    throw new UnprocessableError('stats.error.territory_changed', {
      indicator: tr(locale, indicatorNameKey(def.id)),
      place: geo.name,
      created: name(change.code),
      parents: change.parents.map(name).join(', '),
      first: change.firstCount,
      from,
      year,
      suggestion,
    });
  }
}
