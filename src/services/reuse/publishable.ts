import { parseGeoId } from '../../domain/geography.ts';
import { INDICATOR_BY_ID, type TopicId } from '../../domain/indicators.ts';
import { type Locale, translator } from '../../i18n/index.ts';
import {
  geoName,
  indicatorDefinition,
  indicatorName,
  type PortalCatalog,
  summarizeQuestion,
  topicName,
} from '../requests/catalog.ts';

/** Answer files that hold only official aggregates. The oficio (and the ZIP that holds it) names the requester. */
export const PUBLIC_FILE_KINDS: readonly string[] = ['xlsx', 'csv', 'csv_meta', 'chart', 'map'];

/** Why a row of the library is there. Only 'consent' is written; 'public_aggregates' rows are withdrawn. */
export type PublishBasis = 'consent' | 'public_aggregates';

/**
 * The publication rule, the one the form's hint and the privacy notice state (`portal.publication.rule`):
 * a delivered answer is published only when its requester ticked «Acepto que la respuesta se publique»,
 * and only its structured question (catalog indicators, place, years) and data files; never the
 * requester, the purpose, the free text, the oficio, nor a polygon the requester drew.
 */
export function publishBasis(r: {
  publishConsent: boolean;
  indicators: string[];
  geo: string;
}): PublishBasis | null {
  if (!r.publishConsent) return null;
  // Questions without a catalog indicator have nothing structured to publish.
  if (r.indicators.length === 0) return null;
  // A drawn polygon may be someone's home or land: never in a public list.
  if (r.geo.startsWith('polygon:')) return null;
  return 'consent';
}

/** The geography and the municipalities it covers (`mun:15MMM`), for filters and similar answers. */
export function geoIdsOf(catalog: PortalCatalog, geo: string): string[] {
  const ref = parseGeoId(geo);
  if (!ref) return [geo];
  const members =
    ref.level === 'set' ? ref.codes : ref.level === 'mun' ? [ref.code] : (catalog.place(geo)?.members ?? []);
  return [...new Set([geo, ...members.map((c) => `mun:${c}`)])];
}

/** Topics of the question's indicators, in catalog order. */
export function topicsOf(indicators: string[]): TopicId[] {
  const topics = indicators.map((id) => INDICATOR_BY_ID.get(id)?.topic);
  return [...new Set(topics.filter((t): t is TopicId => !!t))];
}

/**
 * The Spanish text the library searches (accents folded): indicator names and definitions, topics, the place (and, for
 * regions, zones and sets, its municipalities) and the years. Never free text from the requester.
 */
export function searchTextOf(
  catalog: PortalCatalog,
  q: { indicators: string[]; geo: string; years: number[] },
): string {
  const t = translator('es-MX');
  const parts: string[] = [];
  for (const id of q.indicators) parts.push(indicatorName(t, id), indicatorDefinition(t, id));
  for (const topic of topicsOf(q.indicators)) parts.push(topicName(t, topic));
  parts.push(geoName(catalog, t, q.geo));
  const ref = parseGeoId(q.geo);
  if (ref && ref.level !== 'state' && ref.level !== 'mun') {
    for (const id of geoIdsOf(catalog, q.geo).slice(1)) {
      const name = catalog.places.municipalityName(id.slice(4));
      if (name) parts.push(name);
    }
  }
  parts.push(q.years.join(' '));
  return foldAccents(parts.filter(Boolean).join(' · '));
}

/**
 * Text folded for search: without accents (and ñ → n). PGlite has no `unaccent`, and the Spanish
 * stemmer does not treat "marginacion" like "marginación", so both the stored text and the words
 * searched are folded here, the same way, before PostgreSQL stems them.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The question in words, without the free text. */
export function publishedTitle(
  catalog: PortalCatalog,
  q: { indicators: string[]; geo: string; years: number[] },
  locale: Locale,
): string {
  return summarizeQuestion(catalog, { ...q, otherText: null }, locale);
}
