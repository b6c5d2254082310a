/**
 * How the question box reads a question (issue 20): words → years, places and catalog indicators,
 * deterministically and explainably, with no external service. Case and accents are folded, plurals
 * trimmed, and a word within a small edit distance of a known word is read as that word (a typo,
 * reported as a correction). Nothing is guessed: a word that is neither a place, a year, an indicator
 * word nor a filler word is reported as not understood, and a name that fits several places is
 * reported as ambiguous; the caller then answers nothing.
 */

/** Words dropped everywhere (articles, prepositions, conjunctions), in both languages. */
const STOPWORDS = new Set(
  'a al con de del el en la las lo los o para por y e u mas the of in for and or to on at with'.split(' '),
);

/** Lower case, accents folded, `%` read as a word, everything but letters and digits a space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' porcentaje ')
    .replace(/[^a-z0-9ñ]+/g, ' ')
    .trim();
}

/** A light Spanish plural trim: hogares → hogar, viviendas → vivienda (English plurals lose their s). */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  if (/[rlndzj]es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Folded, stopword-free, stemmed tokens of a phrase. */
export function words(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .map(stem);
}

/** How many edits a typed word of this length may carry: none for short words. */
export function typoAllowance(length: number): number {
  if (length <= 3) return 0;
  return length <= 6 ? 1 : 2;
}

/** Rows of the distance table, reused (questions are read one at a time, synchronously). */
let rowA = new Uint16Array(64);
let rowB = new Uint16Array(64);

/** Levenshtein distance when it is at most `max`, else `max + 1` (stops early). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (rowA.length <= b.length) {
    rowA = new Uint16Array(b.length + 1);
    rowB = new Uint16Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

// ---- The vocabulary: built once from the catalog ----

export type PlaceKind = 'state' | 'mun' | 'region' | 'zm' | 'outside';

export type VocabularyInput = {
  /** Places of the catalog (and places outside it: other states, the country) with their variants. */
  places: { id: string; kind: PlaceKind; variants: readonly string[] }[];
  /** Indicators in catalog order, each with its name and synonyms (phrases). */
  indicators: { id: string; phrases: readonly string[] }[];
  /** Words that carry no meaning in a question (¿cuántos?, hay, tiene…). */
  fillers: readonly string[];
  /**
   * Words an indicator phrase may leave out ("población" in "población femenina"); a phrase made only
   * of them still needs them.
   */
  soft: readonly string[];
  /** Single-word place variants that do not count after these words (otro estado, otra entidad). */
  notAfter: readonly string[];
};

type Phrase = { indicator: number; required: string[]; soft: string[] };
type PlaceVariant = { key: string; tokens: number; ids: string[] };

export type Vocabulary = {
  placeExact: Map<string, string[]>;
  placeVariants: PlaceVariant[];
  maxPlaceTokens: number;
  kinds: Map<string, PlaceKind>;
  indicatorIds: string[];
  phrases: Phrase[];
  /** Every word used by an indicator phrase. */
  indicatorWords: Set<string>;
  fillers: Set<string>;
  soft: Set<string>;
  notAfter: Set<string>;
};

export function buildVocabulary(input: VocabularyInput): Vocabulary {
  const placeExact = new Map<string, string[]>();
  const kinds = new Map<string, PlaceKind>();
  for (const p of input.places) {
    kinds.set(p.id, p.kind);
    for (const v of p.variants) {
      const key = words(v).join(' ');
      if (!key) continue;
      const ids = placeExact.get(key) ?? [];
      if (!ids.includes(p.id)) ids.push(p.id);
      placeExact.set(key, ids);
    }
  }
  const placeVariants = [...placeExact].map(([key, ids]) => ({ key, tokens: key.split(' ').length, ids }));
  const soft = new Set(input.soft.flatMap((w) => words(w)));
  const phrases: Phrase[] = [];
  const indicatorWords = new Set<string>();
  input.indicators.forEach((ind, i) => {
    for (const text of ind.phrases) {
      const ws = [...new Set(words(text.replace(/\([^)]*\)/g, ' ')))];
      if (ws.length === 0) continue;
      for (const w of ws) indicatorWords.add(w);
      const req = ws.filter((w) => !soft.has(w));
      phrases.push({
        indicator: i,
        required: req.length > 0 ? req : ws,
        soft: req.length > 0 ? ws.filter((w) => soft.has(w)) : [],
      });
    }
  });
  return {
    placeExact,
    placeVariants,
    maxPlaceTokens: Math.max(1, ...placeVariants.map((v) => v.tokens)),
    kinds,
    indicatorIds: input.indicators.map((i) => i.id),
    phrases,
    indicatorWords,
    fillers: new Set(input.fillers.flatMap((f) => words(f))),
    soft,
    notAfter: new Set(input.notAfter.flatMap((w) => words(w))),
  };
}

// ---- Reading a question ----

/** A typed word read as another (a typo). */
export type Correction = { typed: string; read: string };

export type PlaceReading =
  /** The words named one place (`mentioned`: the words as typed). */
  | { kind: 'place'; id: string; mentioned: string }
  /** The words fit several places equally well. */
  | { kind: 'ambiguous'; ids: string[]; mentioned: string };

/** One indicator asked for: the best-scoring candidates, in catalog order (the caller picks one it can answer). */
export type IndicatorReading = { candidates: string[]; words: string[] };

export type QuestionReading = {
  years: number[];
  places: PlaceReading[];
  indicators: IndicatorReading[];
  /** Words understood as none of the above (the question is then not answered). */
  unknown: string[];
  /** Of those, the words that are no indicator word either (perhaps a place the catalog lacks). */
  strangers: string[];
  corrections: Correction[];
  /** Indicators sharing words with the question, best first (for suggestions). */
  related: string[];
};

type Token = { raw: string; w: string; used: boolean };

/** The most an indicator phrase search or a place comparison will look at: questions are short. */
const MAX_TOKENS = 40;

export function readQuestion(vocab: Vocabulary, text: string): QuestionReading {
  const folded = fold(text)
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w))
    .slice(0, MAX_TOKENS);
  const tokens: Token[] = folded.map((raw) => ({ raw, w: stem(raw), used: false }));
  const corrections: Correction[] = [];
  const years: number[] = [];
  for (const t of tokens)
    if (/^(19|20)\d\d$/.test(t.w)) {
      years.push(Number(t.w));
      t.used = true;
    }
  const places = findPlaces(vocab, tokens, corrections);
  const { indicators, unknown, strangers, related } = findIndicators(vocab, tokens, corrections);
  return {
    years: [...new Set(years)].sort((a, b) => a - b),
    places,
    indicators,
    unknown,
    strangers,
    corrections,
    related,
  };
}

function findPlaces(vocab: Vocabulary, tokens: Token[], corrections: Correction[]): PlaceReading[] {
  const found: PlaceReading[] = [];
  const add = (ids: string[], from: number, n: number) => {
    for (let k = from; k < from + n; k++) tokens[k]!.used = true;
    const mentioned = tokens
      .slice(from, from + n)
      .map((t) => t.raw)
      .join(' ');
    const reading: PlaceReading =
      ids.length === 1 ? { kind: 'place', id: ids[0]!, mentioned } : { kind: 'ambiguous', ids, mentioned };
    if (!found.some((f) => JSON.stringify(f) === JSON.stringify(reading))) found.push(reading);
  };
  const blocked = (i: number, n: number) =>
    n === 1 && i > 0 && vocab.notAfter.has(tokens[i - 1]!.w) && vocab.indicatorWords.has(tokens[i]!.w);
  // Exact names first, longest first.
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(vocab.maxPlaceTokens, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      if (span.some((t) => t.used)) continue;
      const ids = vocab.placeExact.get(span.map((t) => t.w).join(' '));
      if (!ids || blocked(i, n)) continue;
      add(ids, i, n);
      i += n - 1;
      break;
    }
  }
  // Then typos, only for words that mean nothing else.
  const free = (t: Token) => !t.used && !vocab.fillers.has(t.w) && !vocab.indicatorWords.has(t.w);
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(vocab.maxPlaceTokens, tokens.length - i); n >= 1; n--) {
      const span = tokens.slice(i, i + n);
      if (!span.every(free)) continue;
      const typed = span.map((t) => t.w).join(' ');
      const max = typoAllowance(typed.replace(/ /g, '').length);
      if (max === 0) continue;
      let best = max + 1;
      let ids: string[] = [];
      let read = '';
      for (const v of vocab.placeVariants) {
        if (v.tokens !== n) continue;
        const d = editDistance(typed, v.key, Math.min(max, best));
        if (d < best) {
          best = d;
          ids = [...v.ids];
          read = v.key;
        } else if (d === best && d <= max) {
          for (const id of v.ids) if (!ids.includes(id)) ids.push(id);
        }
      }
      if (best > max) continue;
      corrections.push({ typed: span.map((t) => t.raw).join(' '), read });
      add(ids, i, n);
      i += n - 1;
      break;
    }
  }
  return found;
}

function findIndicators(
  vocab: Vocabulary,
  tokens: Token[],
  corrections: Correction[],
): { indicators: IndicatorReading[]; unknown: string[]; strangers: string[]; related: string[] } {
  const unknown: string[] = [];
  const strangers: string[] = [];
  const content: string[] = [];
  const typedAs = new Map<string, string>();
  for (const t of tokens) {
    if (t.used || vocab.fillers.has(t.w)) continue;
    if (vocab.indicatorWords.has(t.w)) {
      content.push(t.w);
      typedAs.set(t.w, t.raw);
      continue;
    }
    const read = closestWord(vocab, t.w);
    if (read) {
      corrections.push({ typed: t.raw, read });
      content.push(read);
      typedAs.set(read, t.raw);
    } else strangers.push(t.raw);
  }
  const left = new Set(content);
  const indicators: IndicatorReading[] = [];
  const related = relatedIndicators(vocab, new Set(content));
  for (;;) {
    let best = 0;
    let bestIds: number[] = [];
    let bestWords: string[] = [];
    for (const p of vocab.phrases) {
      if (!p.required.every((w) => left.has(w))) continue;
      // A word the phrase needs counts twice a word it may leave out: «personas con discapacidad» is
      // about disability, not about people.
      const all = [...p.required, ...p.soft];
      const score = all.reduce((s, w) => s + (vocab.soft.has(w) ? (left.has(w) ? 1 : 0) : 2), 0);
      // After the first indicator, words that may be left out do not start another one.
      if (indicators.length > 0 && p.required.every((w) => vocab.soft.has(w))) continue;
      if (score > best) {
        best = score;
        bestIds = [p.indicator];
        bestWords = [...p.required, ...p.soft.filter((w) => left.has(w))];
      } else if (score === best && !bestIds.includes(p.indicator)) bestIds.push(p.indicator);
    }
    if (best === 0) break;
    for (const w of bestWords) left.delete(w);
    indicators.push({
      candidates: bestIds.sort((a, b) => a - b).map((i) => vocab.indicatorIds[i]!),
      words: bestWords.map((w) => typedAs.get(w) ?? w),
    });
  }
  for (const w of left) if (!vocab.soft.has(w)) unknown.push(typedAs.get(w) ?? w);
  unknown.push(...strangers);
  return { indicators, unknown, strangers, related };
}

/** The indicator word a typed word is a typo of, when exactly one is closest. */
function closestWord(vocab: Vocabulary, w: string): string | null {
  const max = typoAllowance(w.length);
  if (max === 0) return null;
  let best = max + 1;
  let found: string[] = [];
  for (const v of vocab.indicatorWords) {
    const d = editDistance(w, v, Math.min(max, best));
    if (d < best) {
      best = d;
      found = [v];
    } else if (d === best && d <= max) found.push(v);
  }
  return best <= max && found.length === 1 ? found[0]! : null;
}

/** Indicators sharing the most non-filler words with the question, in catalog order on ties. */
function relatedIndicators(vocab: Vocabulary, content: Set<string>): string[] {
  const score = new Map<number, number>();
  for (const p of vocab.phrases) {
    const shared = [...p.required, ...p.soft].filter((w) => content.has(w) && !vocab.soft.has(w)).length;
    if (shared > 0) score.set(p.indicator, Math.max(score.get(p.indicator) ?? 0, shared));
  }
  return [...score].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => vocab.indicatorIds[i]!);
}

/** The places whose names are closest to the words (for suggestions when a place was not understood). */
export function closestPlaces(vocab: Vocabulary, typed: readonly string[], limit: number): string[] {
  const out: string[] = [];
  for (const t of typed) {
    const w = stem(fold(t));
    if (w.length < 4) continue;
    const scored: { id: string; d: number }[] = [];
    for (const v of vocab.placeVariants) {
      const first = v.key.split(' ')[0]!;
      const d = Math.min(editDistance(w, first, 2), editDistance(w, v.key, 2));
      if (d <= 2) for (const id of v.ids) scored.push({ id, d });
    }
    scored.sort((a, b) => a.d - b.d);
    for (const s of scored) if (!out.includes(s.id) && vocab.kinds.get(s.id) !== 'outside') out.push(s.id);
  }
  return out.slice(0, limit);
}
