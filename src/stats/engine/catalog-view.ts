/** The catalog as the engine presents it: indicators, topics and named places, translated. */
import type { PlaceCatalog, PlaceLevel } from '../../domain/geography.ts';
import {
  type DatasetId,
  type IndicatorDef,
  indicatorDefinitionKey,
  indicatorNameKey,
  TOPICS,
  topicKey,
  unitKey,
} from '../../domain/indicators.ts';
import type { Locale } from '../../i18n/index.ts';
import { DATASETS } from '../datasets.ts';
import type { GeographyEntry, IndicatorEntry, TopicEntry } from '../engine.ts';
import { tr } from './translate.ts';

export const sourceTitle = (id: DatasetId) => `${DATASETS[id].source}, ${DATASETS[id].title}`;

/** How each denominator alternative is cited (official column names and files; Spanish, like the titles). */
const DENOMINATOR_CITATIONS: Record<string, string> = {
  'iter.TVIVPARHAB': 'TVIVPARHAB (ITER)',
  'ageeml.TVIVHAB':
    'TOTAL DE VIVIENDAS HABITADAS (AGEEML, Censo 2020), porque el subconjunto del ITER cargado no trae TVIVPARHAB',
};

/**
 * The source table as cited: `{den}` becomes the denominator really used (`used`), or, in the
 * catalog, every alternative in order of preference.
 */
export function citeTable(def: IndicatorDef, used?: string): string {
  if (!def.sourceTable.includes('{den}')) return def.sourceTable;
  const term = def.denominator?.[0]?.variable;
  const alternatives = typeof term === 'string' ? [term] : [...(term ?? [])];
  const cite = (v: string) => DENOMINATOR_CITATIONS[v] ?? v;
  const text = used ? cite(used) : alternatives.map(cite).join('; si no está cargada: ');
  return def.sourceTable.replace('{den}', text);
}

export function indicatorEntries(
  offered: readonly IndicatorDef[],
  loaded: ReadonlySet<DatasetId>,
  locale: Locale,
): IndicatorEntry[] {
  return offered.map((d) => ({
    id: d.id,
    name: tr(locale, indicatorNameKey(d.id)),
    definition: tr(locale, indicatorDefinitionKey(d.id)),
    unit: d.unit,
    unitLabel: tr(locale, unitKey(d.unit)),
    topic: d.topic,
    topicName: tr(locale, topicKey(d.topic)),
    aggregation: d.aggregation,
    years: [...d.years],
    levels: [...d.levels],
    source: { dataset: d.dataset, title: sourceTitle(d.dataset), table: citeTable(d) },
    loaded: loaded.has(d.dataset),
  }));
}

export function topicEntries(offered: readonly IndicatorDef[], locale: Locale): TopicEntry[] {
  return TOPICS.map((id) => ({
    id,
    name: tr(locale, topicKey(id)),
    indicators: offered.filter((d) => d.topic === id).map((d) => d.id),
  })).filter((topic) => topic.indicators.length > 0);
}

export function geographyEntries(places: PlaceCatalog, level?: PlaceLevel): GeographyEntry[] {
  const list = level ? places.byLevel[level] : [...places.places.values()];
  return list.map((p) => ({
    id: p.id,
    name: p.name,
    level: p.level,
    members: p.members.map((c) => `mun:${c}`),
    ...(p.scheme ? { scheme: p.scheme } : {}),
  }));
}
