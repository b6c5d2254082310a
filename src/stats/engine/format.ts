/** A computed figure as the API returns it: translated names and notes, the sources cited. */
import { type IndicatorDef, indicatorNameKey, unitKey } from '../../domain/indicators.ts';
import type { Locale, Params } from '../../i18n/index.ts';
import type { DatasetInfo, ResolvedGeo, ValueResult } from '../engine.ts';
import { citeTable, sourceTitle } from './catalog-view.ts';
import { type Computed, cvLevel } from './compute.ts';
import { countMunicipalities, tr } from './translate.ts';

export function formatValue(
  infos: readonly DatasetInfo[],
  def: IndicatorDef,
  geo: ResolvedGeo,
  year: number,
  c: Computed,
  locale: Locale,
): ValueResult {
  const editions = new Map(infos.map((d) => [d.id, d.edition]));
  const used = c.datasets.size > 0 ? [...c.datasets] : [def.dataset];
  const alternative = c.notes.find((n) => n.key === 'stats.note.alternative_variable')?.params?.used;
  const first = def.denominator?.[0]?.variable;
  const preferred = typeof first === 'string' ? first : first?.[0];
  const table = citeTable(def, alternative !== undefined ? String(alternative) : preferred);
  return {
    indicator: def.id,
    indicatorName: tr(locale, indicatorNameKey(def.id)),
    geo: geo.id,
    geoName: geo.name,
    year,
    value: c.text ?? c.value,
    numerator: c.numerator,
    denominator: c.denominator,
    unit: def.unit,
    unitLabel: tr(locale, unitKey(def.unit)),
    decimals: def.decimals,
    status: c.status,
    source: used.map((id) => ({
      dataset: id,
      title: sourceTitle(id),
      edition: editions.get(id) ?? null,
      table,
    })),
    notes: [...geo.notes, ...c.notes.map((n) => tr(locale, n.key, withPlurals(locale, n.params)))],
    ...(c.breakdown ? { breakdown: c.breakdown } : {}),
    ...(c.cv !== undefined ? { cv: c.cv, ...(c.cv !== null ? { cvLevel: cvLevel(c.cv) } : {}) } : {}),
  };
}

/** A note's `count` is a number of municipalities: `{municipalities}` is its phrase ("1 municipio"). */
function withPlurals(locale: Locale, params: Params | undefined): Params | undefined {
  if (!params || typeof params.count !== 'number') return params;
  return { ...params, municipalities: countMunicipalities(locale, params.count) };
}
