/**
 * Urban AGEB tables (indicators with `perAgeb`): a municipality, region, zone or set answers with one
 * row per urban AGEB of its member municipalities, as CONAPO's IMU 2020 publishes it (key, locality,
 * population, index, grade). Not one figure, so `value` refuses; not for the whole state (every AGEB
 * of the file) nor for a drawn polygon (no AGEB shapes are staged, so which AGEBs fall inside is unknown).
 */
import { UnprocessableError } from '../../domain/errors.ts';
import type { PlaceCatalog } from '../../domain/geography.ts';
import { type IndicatorDef, indicatorNameKey } from '../../domain/indicators.ts';
import { type Locale, type MessageKey, translate } from '../../i18n/index.ts';
import type { DatasetInfo, ResolvedGeo, ValueResult } from '../engine.ts';
import type { Computed } from './compute.ts';
import { cellOf, type FactStore } from './fact-store.ts';
import { formatValue } from './format.ts';
import { countMunicipalities, tr } from './translate.ts';

/** The indicator's name (a catalog key built from its id; the catalogs' parity test covers it). */
const nameOf = (def: IndicatorDef, locale: Locale) =>
  translate(locale, indicatorNameKey(def.id) as MessageKey);

/** Why one figure is not given: the indicator is a table of AGEBs (and where to get it). */
export function agebTableOnly(def: IndicatorDef, geo: ResolvedGeo, locale: Locale): UnprocessableError {
  return new UnprocessableError('stats.error.ageb_table_only', {
    indicator: nameOf(def, locale),
    place: geo.name,
  });
}

/** The state and a drawn polygon are refused with their reason; named places of municipalities pass. */
export function checkAgebPlace(store: FactStore, def: IndicatorDef, geo: ResolvedGeo, locale: Locale): void {
  if (geo.level === 'state') {
    let count = 0;
    for (const list of store.agebTable.values()) count += list.length;
    throw new UnprocessableError('stats.error.ageb_table_state', { indicator: nameOf(def, locale), count });
  }
  if (geo.level === 'polygon')
    throw new UnprocessableError('stats.error.ageb_table_polygon', { indicator: nameOf(def, locale) });
}

/** One row per urban AGEB of the place's municipalities (municipality order, then AGEB key). */
export function agebRows(
  ctx: { store: FactStore; places: PlaceCatalog; infos: readonly DatasetInfo[] },
  def: IndicatorDef,
  geo: ResolvedGeo,
  year: number,
  locale: Locale,
): ValueResult[] {
  const term = def.numerator[0]!.variable;
  const variable = typeof term === 'string' ? term : term[0]!;
  const rows: ValueResult[] = [];
  for (const m of geo.members) {
    const municipality = ctx.places.municipalityName(m.code) ?? m.code;
    for (const ageb of ctx.store.agebTable.get(m.code) ?? []) {
      const fact = ageb.facts.get(variable);
      const f = fact && fact.year === year ? fact : undefined;
      const cell = cellOf(f);
      const text = f?.text ?? null;
      const computed: Computed = {
        value: cell.value,
        numerator: null,
        denominator: null,
        status: text ? 'ok' : cell.status,
        excluded: [],
        text,
        datasets: new Set(f ? [f.dataset] : []),
        notes: f ? [] : [{ key: 'stats.note.not_available' }],
      };
      const name = tr(locale, 'stats.geo.ageb_name', {
        ageb: ageb.code.slice(9),
        locality: ageb.locality ?? ageb.code.slice(5, 9),
        municipality,
      });
      const row = { id: `ageb:${ageb.code}`, name, level: geo.level, members: [], notes: [] };
      rows.push(formatValue(ctx.infos, def, row, year, computed, locale));
    }
  }
  return rows;
}

/** The table's note: how many AGEBs of how many municipalities, and that only indexed urban AGEBs count. */
export function agebTableNote(store: FactStore, geo: ResolvedGeo, locale: Locale): string {
  const count = geo.members.reduce((n, m) => n + (store.agebTable.get(m.code)?.length ?? 0), 0);
  return tr(locale, 'stats.note.ageb_table', {
    count,
    municipalities: countMunicipalities(locale, geo.members.length),
  });
}
