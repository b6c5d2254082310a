/**
 * The question box's vocabulary, built once per statistics engine and language from the catalog itself:
 * indicator names and their synonyms (message catalogs), official place names with the common short
 * forms (words.ts) and the filler words of a question.
 */
import { buildVocabulary, type PlaceKind, type Vocabulary } from '../../domain/question.ts';
import { isMessageKey, type Locale, translate } from '../../i18n/index.ts';
import type { GeographyEntry, StatsEngine } from '../../stats/engine.ts';
import {
  FILLER_WORDS,
  KIND_WORDS,
  NOT_A_PLACE_AFTER,
  OUTSIDE_PLACES,
  PLACE_ALIASES,
  SOFT_WORDS,
} from './words.ts';

const cache = new WeakMap<StatsEngine, Map<Locale, Vocabulary>>();

export function questionVocabulary(stats: StatsEngine, locale: Locale): Vocabulary {
  let byLocale = cache.get(stats);
  if (!byLocale) {
    byLocale = new Map();
    cache.set(stats, byLocale);
  }
  let vocab = byLocale.get(locale);
  if (!vocab) {
    vocab = build(stats, locale);
    byLocale.set(locale, vocab);
  }
  return vocab;
}

/** The synonyms of an indicator (`stats.ind.<id>.synonyms`, separated by «;»), when the catalog has them. */
export function indicatorSynonyms(locale: Locale, id: string): string[] {
  const key = `stats.ind.${id}.synonyms`;
  if (!isMessageKey(key)) return [];
  return translate(locale, key)
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

function build(stats: StatsEngine, locale: Locale): Vocabulary {
  const places: { id: string; kind: PlaceKind; variants: string[] }[] = [];
  for (const g of stats.geographies()) places.push({ id: g.id, kind: g.level, variants: placeVariants(g) });
  for (const o of OUTSIDE_PLACES)
    places.push({ id: `outside:${o.id}`, kind: 'outside', variants: [...o.variants] });
  const indicators = stats.indicators(locale).map((i) => ({
    id: i.id,
    // Spanish names and synonyms are understood in every language (people mix them).
    phrases: [
      i.name,
      ...indicatorSynonyms(locale, i.id),
      ...(locale === 'es-MX'
        ? []
        : [translate('es-MX', `stats.ind.${i.id}.name` as never), ...indicatorSynonyms('es-MX', i.id)]),
    ],
  }));
  return buildVocabulary({
    places,
    indicators,
    fillers: FILLER_WORDS[locale].split(/\s+/).filter(Boolean),
    soft: SOFT_WORDS[locale],
    notAfter: NOT_A_PLACE_AFTER,
  });
}

/** Official name, the name before «de …» (Ecatepec de Morelos → Ecatepec), kind-word forms, aliases. */
function placeVariants(g: GeographyEntry): string[] {
  const out = [g.name, ...(PLACE_ALIASES[g.id] ?? [])];
  if (g.level === 'mun') {
    const short = /^(.+?) (de|del) /.exec(g.name)?.[1];
    if (short) out.push(short);
    // «municipio de Atizapán» names one municipality: no short forms after the kind word.
    for (const k of KIND_WORDS.mun) out.push(`${k} ${g.name}`);
  }
  if (g.level === 'region') {
    const code = g.id.slice('region:'.length);
    const m = /^\S+\s+([IVXLC]+)\s+(.+)$/.exec(g.name);
    for (const k of KIND_WORDS.region) {
      out.push(`${k} ${code}`);
      if (m) out.push(`${k} ${m[1]}`, `${k} ${m[2]}`, `${k} ${m[1]} ${m[2]}`);
    }
  }
  if (g.level === 'zm') {
    const base = g.name
      .replace(/\(.*\)/, '')
      .split(',')[0]!
      .trim();
    const core = base.replace(/^ZM\s+(del?\s+)?/i, '');
    out.push(base);
    for (const k of KIND_WORDS.zm) out.push(`${k} ${core}`);
  }
  return out;
}
