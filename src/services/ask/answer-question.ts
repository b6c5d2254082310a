/**
 * The question box (issue 20): a question in Spanish as people write it → the official figure in one
 * sentence (value, unit, place, year, source), the related years, and what to prefill in the request
 * journey. A question it cannot answer (another state, a topic outside the catalog, a place that fits
 * several) gets no figure: it says what it understood and offers the closest indicators and places.
 * Public and read-only: anyone may ask, nothing is stored.
 */
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { INDICATOR_BY_ID, type IndicatorDef, unitKey } from '../../domain/indicators.ts';
import { type Correction, closestPlaces, fold, readQuestion } from '../../domain/question.ts';
import { formatNumber } from '../../i18n/format.ts';
import { isMessageKey, type Locale, type MessageKey, translate } from '../../i18n/index.ts';
import type { ValueResult, ValueSource } from '../../stats/engine.ts';
import type { Deps } from '../deps.ts';
import { citationOf } from './citation.ts';
import { questionVocabulary } from './vocabulary.ts';
import { OUTSIDE_PLACES } from './words.ts';

/** Questions are short; longer text is cut before reading it. */
export const MAX_QUESTION_LENGTH = 300;
const MAX_PLACES = 5;
const MAX_INDICATORS = 5;
const MAX_YEARS = 5;
const MAX_SUGGESTIONS = 6;
/** Long series (CONAPO 1970–2070) show every tenth year in the related-years table. */
const MAX_TABLE_YEARS = 15;

export type AskAnswer = {
  indicator: string;
  indicatorName: string;
  geo: string;
  geoName: string;
  year: number;
  value: number | string | null;
  /** The value as people read it: «1,077,208 personas», «71.2 %», «Alto». */
  formatted: string;
  unit: string;
  unitLabel: string;
  /** The answer in one sentence, with its source. */
  text: string;
  definition: string;
  source: ValueSource[];
  citation: string;
  notes: string[];
  /** The same indicator and place in the other years it has. */
  table: ValueResult[];
};

export type AskPlace = { id: string; name: string; level: string; mentioned: string };

export type AskReason =
  | 'empty'
  | 'unknown_words'
  | 'outside'
  | 'ambiguous_place'
  | 'no_indicator'
  | 'not_available';

export type AskSuggestion = { kind: 'indicator' | 'place'; id: string; name: string; question: string };

export type AskResult = {
  question: string;
  answers: AskAnswer[];
  understood: {
    indicators: { id: string; name: string; words: string[] }[];
    places: AskPlace[];
    /** No place was named: the whole state is meant. */
    placeDefaulted: boolean;
    ambiguous: { mentioned: string; candidates: { id: string; name: string }[] }[];
    outside: string[];
    years: number[];
    /** No year was named: the latest year with data (up to this year) is shown. */
    yearDefaulted: boolean;
    unknownWords: string[];
    corrections: Correction[];
  };
  /** Why nothing was answered (null when there are answers), and the same in words. */
  reason: AskReason | null;
  reasonText: string | null;
  suggestions: AskSuggestion[];
  /** What the request journey is prefilled with: the figures asked, or the question as an «Otro» request. */
  request: { indicators: string[]; geo: string | null; years: number[]; otherText: string | null };
  requestUrl: string;
};

export type AskInput = { q: string; locale: Locale };

export function answerQuestion(
  deps: Pick<Deps, 'stats' | 'config' | 'clock'>,
  _actor: Actor,
  input: AskInput,
): AskResult {
  const { stats } = deps;
  const locale = input.locale;
  const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  const question = input.q.replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_LENGTH);
  const requestUrl = `${deps.config.publicBaseUrl}/preguntar?q=${encodeURIComponent(question)}`;
  const vocab = questionVocabulary(stats, locale);
  const reading = readQuestion(vocab, question);
  const geoById = new Map(stats.geographies().map((g) => [g.id, g]));
  const indById = new Map(stats.indicators(locale).map((i) => [i.id, i]));
  const stateId = stats.geographies('state')[0]!.id;
  const stateName = geoById.get(stateId)!.name;

  const places: AskPlace[] = [];
  const ambiguous: AskResult['understood']['ambiguous'] = [];
  const outside: string[] = [];
  /** A place outside the catalog in words: «Guadalajara (Jalisco)», «Morelos (estado)». */
  const outsideName = (id: string, mentioned: string) => {
    const entry = OUTSIDE_PLACES.find((o) => `outside:${o.id}` === id);
    const name = entry?.variants[0] ?? mentioned;
    const typed = capitalize(mentioned);
    return fold(name) === fold(mentioned) ? name : `${typed} (${name})`;
  };
  for (const p of reading.places) {
    if (p.kind === 'ambiguous') {
      const inside = p.ids.filter((id) => geoById.has(id));
      // «Morelos»: the municipality or the state of Morelos; both are listed, neither is guessed.
      ambiguous.push({
        mentioned: capitalize(p.mentioned),
        candidates: p.ids.map((id) => ({
          id,
          name: geoById.get(id)?.name ?? tr('ask.outside_state', { name: outsideName(id, p.mentioned) }),
        })),
      });
      if (inside.length === 0) outside.push(outsideName(p.ids[0]!, p.mentioned));
    } else if (geoById.has(p.id)) {
      if (!places.some((x) => x.id === p.id) && places.length < MAX_PLACES) {
        const g = geoById.get(p.id)!;
        places.push({ id: g.id, name: g.name, level: g.level, mentioned: p.mentioned });
      }
    } else outside.push(outsideName(p.id, p.mentioned));
  }
  const placeDefaulted = places.length === 0 && ambiguous.length === 0 && outside.length === 0;
  const targets = placeDefaulted ? [{ id: stateId, name: stateName, level: 'state', mentioned: '' }] : places;

  const understood: AskResult['understood'] = {
    indicators: reading.indicators.slice(0, MAX_INDICATORS).map((r) => ({
      id: r.candidates[0]!,
      name: indById.get(r.candidates[0]!)?.name ?? r.candidates[0]!,
      words: r.words,
    })),
    places,
    placeDefaulted,
    ambiguous,
    outside,
    years: reading.years.slice(0, MAX_YEARS),
    yearDefaulted: reading.years.length === 0,
    unknownWords: reading.unknown,
    corrections: reading.corrections,
  };

  const suggestionFor = (indicator: string, geo: string): AskSuggestion | null => {
    const ind = indById.get(indicator);
    const g = geoById.get(geo);
    if (!ind || !g) return null;
    const name = ind.name.replace(/\s*\([^)]*\)/g, '');
    return {
      kind: 'indicator',
      id: ind.id,
      name: ind.name,
      question: tr(g.level === 'mun' ? 'ask.suggest.question_mun' : 'ask.suggest.question', {
        indicator: name,
        place: g.name,
      }),
    };
  };
  const unanswered = (reason: AskReason, reasonText: string, suggestions: AskSuggestion[]): AskResult => {
    const single = places.length === 1 ? places[0]!.id : null;
    return {
      question,
      answers: [],
      understood,
      reason,
      reasonText,
      suggestions: dedupe(suggestions).slice(0, MAX_SUGGESTIONS),
      request: {
        indicators: [],
        geo: single,
        years: understood.years,
        otherText: question || null,
      },
      requestUrl,
    };
  };

  const asked = understood.indicators.map((i) => i.id);
  const relatedIds = reading.related.filter((id) => indById.has(id));
  const fallbackIndicators =
    relatedIds.length > 0 ? relatedIds : ['population_total', 'occupied_dwellings', 'marginalization_grade'];
  // Only what the engine answers for that place is suggested.
  const answerable = (id: string, geo: string) => {
    try {
      return stats.value({ indicator: id, geo }, locale).value !== null;
    } catch {
      return false;
    }
  };
  const suggestIndicators = (geo: string) =>
    [...new Set([...asked, ...fallbackIndicators])]
      .filter((id) => answerable(id, geo))
      .slice(0, MAX_SUGGESTIONS)
      .map((id) => suggestionFor(id, geo))
      .filter((s) => s !== null);

  if (!question) return { ...unanswered('empty', tr('ask.reason.empty'), []), requestUrl };
  if (outside.length > 0) {
    return unanswered('outside', tr('ask.reason.outside', { place: outside.join(', '), state: stateName }), [
      ...ambiguous.flatMap((a) =>
        a.candidates.filter((c) => geoById.has(c.id)).map((c) => placeSuggestion(c.id)),
      ),
      ...suggestIndicators(stateId),
    ]);
  }
  function placeSuggestion(geo: string): AskSuggestion {
    const g = geoById.get(geo)!;
    const s = suggestionFor(asked[0] ?? 'population_total', geo)!;
    return { ...s, kind: 'place', id: g.id, name: g.name };
  }
  if (ambiguous.length > 0) {
    const a = ambiguous[0]!;
    return unanswered(
      'ambiguous_place',
      tr('ask.reason.ambiguous', {
        mentioned: a.mentioned,
        places: a.candidates.map((c) => c.name).join(' · '),
      }),
      a.candidates.filter((c) => geoById.has(c.id)).map((c) => placeSuggestion(c.id)),
    );
  }
  if (reading.unknown.length > 0) {
    const near = closestPlaces(vocab, reading.strangers, 3).filter((id) => geoById.has(id));
    return unanswered(
      'unknown_words',
      tr('ask.reason.unknown_words', { words: reading.unknown.map((w) => `«${w}»`).join(', ') }),
      [...near.map(placeSuggestion), ...suggestIndicators(targets[0]!.id)],
    );
  }
  if (reading.indicators.length === 0)
    return unanswered('no_indicator', tr('ask.reason.no_indicator'), suggestIndicators(targets[0]!.id));

  // Each indicator asked: the first candidate (catalog order) the engine answers for every place and year.
  const answers: AskAnswer[] = [];
  const now = deps.clock.now().getUTCFullYear();
  for (const r of reading.indicators.slice(0, MAX_INDICATORS)) {
    let firstError: string | null = null;
    let done = false;
    for (const id of r.candidates) {
      const def = INDICATOR_BY_ID.get(id);
      if (!def || !indById.has(id)) continue;
      try {
        const found: AskAnswer[] = [];
        for (const place of targets) {
          const years =
            understood.years.length > 0 ? understood.years : [latestYear(deps, def, place.id, now)];
          for (const year of years) {
            const v = stats.value({ indicator: id, geo: place.id, year }, locale);
            if (v.value === null) throw new NoFigure(v, tr);
            found.push(
              toAnswer(def, v, locale, indById.get(id)!.definition, tableOf(deps, def, place.id, locale)),
            );
          }
        }
        answers.push(...found);
        understood.indicators[reading.indicators.indexOf(r)] = {
          id,
          name: indById.get(id)!.name,
          words: r.words,
        };
        done = true;
        break;
      } catch (err) {
        firstError ??= errorText(err, locale);
      }
    }
    if (!done)
      return unanswered('not_available', tr('ask.reason.not_available', { reason: firstError ?? '' }), [
        ...(targets[0]!.id !== stateId
          ? [suggestionFor(r.candidates[0]!, stateId)].filter((s) => s !== null)
          : []),
        ...suggestIndicators(targets[0]!.id).filter((s) => s.id !== r.candidates[0]),
      ]);
  }
  const ids = [...new Set(answers.map((a) => a.indicator))];
  const geos = [...new Set(answers.map((a) => a.geo))];
  const muns = geos.every((g) => g.startsWith('mun:'));
  return {
    question,
    answers,
    understood,
    reason: null,
    reasonText: null,
    suggestions: [],
    request: {
      indicators: ids,
      geo:
        geos.length === 1
          ? geos[0]!
          : muns
            ? `set:${geos
                .map((g) => g.slice(4))
                .sort()
                .join(',')}`
            : geos[0]!,
      years: [...new Set(answers.map((a) => a.year))].sort((a, b) => a - b),
      otherText: null,
    },
    requestUrl,
  };
}

class NoFigure extends Error {
  constructor(
    readonly result: ValueResult,
    tr: (key: MessageKey) => string,
  ) {
    super(
      result.status === 'suppressed'
        ? tr('ask.reason.suppressed')
        : result.status === 'not_applicable'
          ? tr('ask.reason.not_applicable')
          : tr('ask.reason.no_figure'),
    );
  }
}

function errorText(err: unknown, locale: Locale): string {
  if (err instanceof NoFigure) return err.message;
  if (err instanceof AppError)
    return isMessageKey(err.messageKey) ? translate(locale, err.messageKey, err.params) : err.message;
  throw err;
}

/** Without a year: the latest year with a figure, up to the current year (projections are not «latest»). */
function latestYear(deps: Pick<Deps, 'stats'>, def: IndicatorDef, geo: string, now: number): number {
  const past = def.years.filter((y) => y <= now);
  const order = [...(past.length > 0 ? past : def.years)].reverse();
  for (const year of order.slice(0, 12)) {
    try {
      if (deps.stats.value({ indicator: def.id, geo, year }).value !== null) return year;
    } catch {
      return order[0]!;
    }
  }
  return order[0]!;
}

function tableOf(deps: Pick<Deps, 'stats'>, def: IndicatorDef, geo: string, locale: Locale): ValueResult[] {
  const years = def.years.length > MAX_TABLE_YEARS ? def.years.filter((y) => y % 10 === 0) : [...def.years];
  try {
    return deps.stats.table({ indicators: [def.id], geo, years }, locale).rows.filter((r) => r.geo === geo);
  } catch {
    return [];
  }
}

/** A value as people read it: the number with its unit, a category, or why there is none. */
export function figureText(r: Pick<ValueResult, 'value' | 'decimals' | 'unit' | 'unitLabel'>): string {
  if (r.value === null) return '—';
  if (typeof r.value === 'string') return r.value;
  const n = formatNumber(r.value, r.decimals);
  if (r.unit === 'percent') return `${n} %`;
  if (r.unit === 'index' || r.unit === 'grade') return n;
  return `${n} ${r.unitLabel}`;
}

function toAnswer(
  def: IndicatorDef,
  v: ValueResult,
  locale: Locale,
  definition: string,
  table: ValueResult[],
): AskAnswer {
  const c = citationOf(v.source[0]?.dataset ?? def.dataset, v.year);
  const citation = translate(locale, 'ask.citation', {
    // The Spanish sentence names the publication with its article («el Censo…», «las Proyecciones…»).
    work: locale === 'es-MX' ? `${c.article} ${c.title}` : c.title,
    publisher: c.publisher,
  });
  const formatted = figureText(v);
  const people = def.id === 'population_total';
  const text = people
    ? translate(locale, 'ask.sentence.population', {
        place: v.geoName,
        value: formatNumber(v.value as number, 0),
        year: v.year,
        source: citation,
      })
    : translate(locale, 'ask.sentence.generic', {
        // «(CONAPO, municipios)» in a name says the source, which the sentence cites anyway.
        indicator: v.indicatorName.replace(/\s*\([^)]*\)/g, ''),
        place: v.geoName,
        value: formatted,
        year: v.year,
        source: citation,
      });
  return {
    indicator: v.indicator,
    indicatorName: v.indicatorName,
    geo: v.geo,
    geoName: v.geoName,
    year: v.year,
    value: v.value,
    formatted,
    unit: v.unit,
    unitLabel: translate(locale, unitKey(def.unit) as MessageKey),
    text,
    definition,
    source: v.source,
    citation,
    notes: v.notes,
    table,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dedupe(list: AskSuggestion[]): AskSuggestion[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = s.question;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
