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
    source: { dataset: d.dataset, title: sourceTitle(d.dataset), table: d.sourceTable },
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
