import { type AgencyConfig, localizedText } from '../../config/agency.ts';
import { formatFolio } from '../../domain/folio.ts';
import { type Place, type PlaceCatalog, type PlaceLevel, parseGeoId } from '../../domain/geography.ts';
import {
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
import { type InputCatalog, type RequestInput, SECTORS } from './request-input.ts';

/** What the request journey needs from the statistics catalog: indicators, places and their names. */
export type PortalCatalog = InputCatalog & {
  /** The requester sectors the agency offers, in its order. */
  sectors: readonly string[];
  places: PlaceCatalog;
  indicator(id: string): IndicatorDef | undefined;
  topics(): { id: TopicId; indicators: IndicatorDef[] }[];
  place(id: string): Place | undefined;
  placesOf(level: PlaceLevel): Place[];
};

/** What of the agency config shapes the journey: its sector list and its indicator subset. */
export type CatalogAgency = Pick<AgencyConfig, 'sectors' | 'indicators'>;

const cached = new Map<string, PortalCatalog>();

/**
 * The statistics catalog as the journey needs it (indicator definitions + places), built once per
 * agency: only the agency's indicators (`agency.indicators`, all when absent) and its sectors
 * (`agency.sectors`; without an agency, the default list).
 */
export function portalCatalog(agency?: CatalogAgency): PortalCatalog {
  const sectors: readonly string[] = agency?.sectors ?? SECTORS;
  const subset = agency?.indicators ? new Set(agency.indicators) : undefined;
  const key = JSON.stringify([sectors, agency?.indicators ?? null]);
  const hit = cached.get(key);
  if (hit) return hit;
  const places = placeCatalog();
  const offered = subset ? INDICATORS.filter((i) => subset.has(i.id)) : INDICATORS;
  const byId = new Map(offered.map((i) => [i.id, i]));
  const byTopic = TOPICS.map((id) => ({ id, indicators: offered.filter((i) => i.topic === id) })).filter(
    (g) => g.indicators.length > 0,
  );
  const catalog: PortalCatalog = {
    sectors,
    places,
    isIndicator: (id) => byId.has(id),
    isGeoId(id) {
      const ref = parseGeoId(id);
      if (!ref) return false;
      if (ref.level === 'set') return ref.codes.every((c) => places.places.has(`mun:${c}`));
      return places.places.has(id);
    },
    indicator: (id) => byId.get(id),
    topics: () => byTopic,
    place: (id) => places.places.get(id),
    placesOf: (level) => places.byLevel[level],
  };
  cached.set(key, catalog);
  return catalog;
}

function text(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/**
 * The agency's words that catalog strings leave as placeholders ({agency}, {state}, {folioExample},
 * {municipalityCount}), so no message names one office.
 */
export function agencyTextParams(agency: Pick<AgencyConfig, 'code' | 'shortName' | 'stateName'>, now: Date) {
  return {
    agency: agency.shortName,
    state: agency.stateName,
    folioExample: formatFolio(agency.code, now.getUTCFullYear(), 123),
    municipalityCount: placeCatalog().byLevel.mun.length,
  };
}

/** A sector's label: the agency's own (`agency.sectorLabels`), else the catalog's, else its id. */
export function sectorName(
  t: Translate,
  locale: Locale,
  agency: Pick<AgencyConfig, 'sectorLabels'>,
  id: string,
): string {
  const own = agency.sectorLabels?.[id];
  return own ? localizedText(own, locale) : text(t, `portal.sector.${id}`, id);
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

/** A geography id in words: `Toluca`, `Región XIII Toluca`, `3 municipios: A, B, C`, `El área que dibujaste`. */
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
