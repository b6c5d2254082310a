import { type Place, type PlaceCatalog, type PlaceLevel, parseGeoId } from '../../domain/geography.ts';
import {
  INDICATOR_BY_ID,
  INDICATORS,
  type IndicatorDef,
  indicatorDefinitionKey,
  indicatorNameKey,
  TOPICS,
  type TopicId,
  topicKey,
} from '../../domain/indicators.ts';
import { isMessageKey, type Locale, type Translate, translator } from '../../i18n/index.ts';
import { placeCatalog } from '../../stats/geography/catalog.ts';
import type { InputCatalog, RequestInput } from './request-input.ts';

/** What the request journey needs from the statistics catalog: indicators, places and their names. */
export type PortalCatalog = InputCatalog & {
  places: PlaceCatalog;
  indicator(id: string): IndicatorDef | undefined;
  topics(): { id: TopicId; indicators: IndicatorDef[] }[];
  place(id: string): Place | undefined;
  placesOf(level: PlaceLevel): Place[];
};

let cached: PortalCatalog | undefined;

/** The statistics catalog as the journey needs it (indicator definitions + places), built once. */
export function portalCatalog(): PortalCatalog {
  if (cached) return cached;
  const places = placeCatalog();
  const byTopic = TOPICS.map((id) => ({ id, indicators: INDICATORS.filter((i) => i.topic === id) })).filter(
    (g) => g.indicators.length > 0,
  );
  cached = {
    places,
    isIndicator: (id) => INDICATOR_BY_ID.has(id),
    isGeoId(id) {
      const ref = parseGeoId(id);
      if (!ref) return false;
      if (ref.level === 'set') return ref.codes.every((c) => places.places.has(`mun:${c}`));
      return places.places.has(id);
    },
    indicator: (id) => INDICATOR_BY_ID.get(id),
    topics: () => byTopic,
    place: (id) => places.places.get(id),
    placesOf: (level) => places.byLevel[level],
  };
  return cached;
}

function text(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export function indicatorName(t: Translate, id: string): string {
  return text(t, indicatorNameKey(id), id);
}
export function indicatorDefinition(t: Translate, id: string): string {
  return text(t, indicatorDefinitionKey(id), '');
}
export function topicName(t: Translate, id: TopicId): string {
  return text(t, topicKey(id), id);
}

/** A geography id in words: `Toluca`, `Región XIII Toluca`, `3 municipios: A, B, C`, `Área dibujada`. */
export function geoName(catalog: PortalCatalog, t: Translate, geo: string): string {
  if (geo.startsWith('polygon:')) return t('portal.geo.polygon_name');
  const ref = parseGeoId(geo);
  if (ref?.level === 'set') {
    const names = ref.codes.map((c) => catalog.places.municipalityName(c) ?? c);
    return t('portal.geo.set_name', { count: names.length, names: names.join(', ') });
  }
  return catalog.place(geo)?.name ?? geo;
}

/** One line that says what was asked (for the acknowledgment e-mail and the requester's pages). */
export function summarizeQuestion(
  catalog: PortalCatalog,
  q: Pick<RequestInput, 'indicators' | 'otherText' | 'geo' | 'years'>,
  locale: Locale,
): string {
  const t = translator(locale);
  const what = [...q.indicators.map((id) => indicatorName(t, id)), ...(q.otherText ? [q.otherText] : [])];
  return t('portal.summary', {
    what: what.join('; '),
    where: geoName(catalog, t, q.geo),
    years: q.years.join(', '),
  });
}
