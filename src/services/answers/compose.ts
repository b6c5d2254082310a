import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { type AnswerFile, answers, oficioCounters } from '../../db/schema/index.ts';
import { newVerificationCode } from '../../documents/codes.ts';
import { type AnswerData, type DataRow, formatFigure, roundFigure } from '../../documents/data-model.ts';
import type { OficioDraft } from '../../documents/issue.ts';
import {
  type CitedPart,
  citationText,
  citedParts,
  type Publication,
  publicationOf,
} from '../../domain/citations.ts';
import { AppError, ConflictError } from '../../domain/errors.ts';
import { findIndicator } from '../../domain/indicators.ts';
import { toOneLine } from '../../domain/one-line.ts';
import { formatDate } from '../../i18n/format.ts';
import { isMessageKey, translate } from '../../i18n/index.ts';
import type { ResolvedGeo, ValueResult, ValueTable } from '../../stats/engine.ts';
import type { Deps } from '../deps.ts';
import { type AnswerDraftContent, bodyParagraphs, hasFigures } from './answer-draft.ts';
import { agencyYear } from './record-signed.ts';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('es-MX', key, params);

/**
 * The publications behind a figure, each with the variables read from it, in words; a dataset the
 * citation catalog does not know is cited by the engine's title and edition.
 */
function partsOf(r: ValueResult): CitedPart[] {
  const def = findIndicator(r.indicator);
  const parts = def
    ? citedParts(
        def,
        r.year,
        r.source.map((s) => s.dataset),
      )
    : [];
  for (const s of r.source)
    if (!publicationOf(s.dataset, r.year))
      parts.push({
        publication: {
          key: s.dataset,
          institution: '',
          title: s.edition ? `${s.title} (${s.edition})` : s.title,
        },
        variables: [],
      });
  return parts;
}

/** One place of an answer: its id, name and member municipalities. */
export type AnswerPlace = AnswerData['geo'];

type FigureQuery = { indicators: string[]; places: unknown[]; years: number[] };

/**
 * A figure as the documents carry it: rounded to its indicator's decimals (the files then hold the
 * number the oficio prints: a count from area shares is whole people) and its sources cited in words.
 */
function toRow(r: ValueResult, parts: CitedPart[]): DataRow {
  return {
    indicatorId: r.indicator,
    indicatorName: r.indicatorName,
    geoId: r.geo,
    geoName: r.geoName,
    year: r.year,
    value: typeof r.value === 'number' ? roundFigure(r.value, r.decimals) : r.value,
    unitLabel: r.unitLabel,
    decimals: r.decimals,
    numerator: r.numerator,
    denominator: r.denominator,
    source: parts.map((p) => citationText(p.publication, p.variables)).join('; '),
    notes: r.notes,
  };
}

/**
 * One citation per publication over all the figures (first come, first numbered), each listing every
 * variable read from it; each row gets the numbers of its publications.
 */
class Citations {
  private readonly byKey = new Map<string, { n: number; publication: Publication; variables: string[] }>();

  cite(parts: CitedPart[]): number[] {
    return parts.map((p) => {
      let c = this.byKey.get(p.publication.key);
      if (!c) {
        c = { n: this.byKey.size + 1, publication: p.publication, variables: [] };
        this.byKey.set(p.publication.key, c);
      }
      for (const v of p.variables) if (!c.variables.includes(v)) c.variables.push(v);
      return c.n;
    });
  }

  texts(): string[] {
    return [...this.byKey.values()].map((c) => citationText(c.publication, c.variables));
  }
}

/** "A", "A y B", "A, B y C". */
function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} y ${names.at(-1)}`;
}

/** The engine's refusal in words (e.g. an indicator not published for a region), as a note. */
function refusalNote(err: unknown, indicator: string, place: string): string {
  if (!(err instanceof AppError)) throw err;
  const reason = isMessageKey(err.messageKey) ? t(err.messageKey, err.params) : err.messageKey;
  return t('workbench.note.unavailable', { indicator, place, reason });
}

/**
 * Figures for every place × indicator from `deps.stats`. `tolerant`: a pair the engine refuses
 * becomes a note instead of failing the whole answer (a técnico's composition); the automatic path
 * asked `canAnswer` first and keeps failing loudly.
 */
function figuresFor(
  deps: Pick<Deps, 'stats' | 'config'>,
  folio: string,
  q: FigureQuery,
  now: Date,
  tolerant: boolean,
): AnswerData {
  const names = new Map(deps.stats.geographies('mun').map((g) => [g.id, g.name]));
  const catalog = new Map(deps.stats.indicators().map((i) => [i.id, i]));
  const rows: DataRow[] = [];
  const notes: string[] = [];
  const places: AnswerPlace[] = [];
  const citations = new Citations();
  // Each indicator's own sources (its variables only), for the files' metadata and the charts.
  const byIndicator = new Map<string, Citations>();
  const rowOf = (r: ValueResult): DataRow => {
    const parts = partsOf(r);
    const own = byIndicator.get(r.indicator) ?? new Citations();
    own.cite(parts);
    byIndicator.set(r.indicator, own);
    return { ...toRow(r, parts), citations: citations.cite(parts) };
  };
  for (const geoQuery of q.places) {
    let resolved: ResolvedGeo;
    try {
      resolved = deps.stats.resolveGeo(geoQuery);
    } catch (err) {
      // E.g. a drawn polygon while the municipal boundaries are not loaded.
      if (!tolerant) throw err;
      if (!(err instanceof AppError)) throw err;
      const reason = isMessageKey(err.messageKey) ? t(err.messageKey, err.params) : err.messageKey;
      notes.push(t('workbench.note.place_unavailable', { place: t('workbench.places.polygon'), reason }));
      continue;
    }
    let geoName = resolved.name;
    const tables: ValueTable[] = [];
    if (!tolerant) tables.push(deps.stats.table({ indicators: q.indicators, geo: geoQuery, years: q.years }));
    else
      for (const id of q.indicators) {
        try {
          tables.push(deps.stats.table({ indicators: [id], geo: geoQuery, years: q.years }));
        } catch (err) {
          notes.push(refusalNote(err, catalog.get(id)?.name ?? id, resolved.name));
        }
      }
    for (const table of tables) {
      geoName = table.geoName;
      rows.push(...table.rows.map(rowOf));
      for (const n of table.notes) if (!notes.includes(n)) notes.push(n);
    }
    places.push({
      id: resolved.id,
      name: geoName,
      members: resolved.members.map((m) => ({
        id: `mun:${m.code}`,
        name: names.get(`mun:${m.code}`) ?? m.code,
      })),
    });
  }
  const indicators = q.indicators.map((id) => {
    const entry = catalog.get(id);
    const first = rows.find((r) => r.indicatorId === id);
    const sources = byIndicator.get(id)?.texts() ?? [];
    return {
      id,
      name: entry?.name ?? first?.indicatorName ?? id,
      definition: entry?.definition ?? '',
      unitLabel: first?.unitLabel ?? entry?.unitLabel ?? '',
      decimals: first?.decimals ?? 0,
      sources: sources.length > 0 ? sources : entry ? [entry.source.title] : [],
    };
  });
  // One place stays as before; several read as one (names joined, members together) for the files
  // that name "the" geography, and each is kept in `places`.
  const members = new Map(places.flatMap((p) => p.members).map((m) => [m.id, m]));
  const geo: AnswerPlace =
    places.length === 1
      ? places[0]!
      : {
          id: places.map((p) => p.id).join('+'),
          name: joinNames(places.map((p) => p.name)),
          members: [...members.values()],
        };
  return {
    folio,
    generatedAt: now,
    timeZone: deps.config.agency.timezone,
    agencyName: deps.config.agency.name,
    geo,
    ...(places.length > 1 ? { places } : {}),
    indicators,
    rows,
    notes,
    citations: citations.texts(),
  };
}

/** The figures of a request from `deps.stats`, in the form the data files and the oficio use. */
export function answerDataFor(deps: Pick<Deps, 'stats' | 'config'>, req: RequestRow, now: Date): AnswerData {
  const geoQuery = req.geoGeojson ?? req.geo;
  return figuresFor(
    deps,
    req.folio,
    { indicators: req.indicators, places: [geoQuery], years: req.years },
    now,
    false,
  );
}

/**
 * The figures, paragraphs and places of a técnico's draft (several places in one answer; the
 * request's polygon by its id). Without figures the answer is its paragraphs and annexes.
 */
export function answerDataForDraft(
  deps: Pick<Deps, 'stats' | 'config'>,
  req: RequestRow,
  draft: AnswerDraftContent,
  now: Date,
): AnswerData {
  const places = draft.places.map((p) => (p === req.geo && req.geoGeojson ? req.geoGeojson : p));
  const data = hasFigures(draft)
    ? figuresFor(deps, req.folio, { indicators: draft.indicators, places, years: draft.years }, now, true)
    : {
        folio: req.folio,
        generatedAt: now,
        timeZone: deps.config.agency.timezone,
        agencyName: deps.config.agency.name,
        geo: { id: '', name: '', members: [] },
        indicators: [],
        rows: [],
        notes: [],
      };
  return { ...data, bodyParagraphs: bodyParagraphs(draft) };
}

/** A value as the oficio prints it: `1,645,352`, `7.9 %`, a category as is, "—" when missing. */
export function displayValue(row: DataRow): string {
  if (row.value === null) return '—';
  if (typeof row.value === 'string') return row.value;
  const n = formatFigure(row.value, row.decimals);
  return row.unitLabel === '%' ? `${n} %` : n;
}

// The oficio's table stays short; the files carry everything.
const OFICIO_TABLE_ROWS = 25;

/** "A", "A, B (2015)": which figures a note is about, when it is not about all of them. */
function noteContext(all: DataRow[], some: DataRow[]): string {
  const byIndicator = new Map<string, DataRow[]>();
  for (const r of some) byIndicator.set(r.indicatorName, [...(byIndicator.get(r.indicatorName) ?? []), r]);
  return [...byIndicator.entries()]
    .map(([name, rows]) => {
      const peers = all.filter((r) => r.indicatorName === name);
      const distinct = (xs: (string | number)[]) => [...new Set(xs)];
      const geos = distinct(rows.map((r) => r.geoName));
      const years = distinct(rows.map((r) => r.year));
      const allGeos = distinct(peers.map((r) => r.geoName));
      const allYears = distinct(peers.map((r) => r.year));
      const where = geos.length < allGeos.length ? `, ${joinNames(geos.map(String))}` : '';
      const when = years.length < allYears.length ? ` (${years.join(', ')})` : '';
      return `${name}${where}${when}`;
    })
    .join('; ');
}

/**
 * The methodological notes of an answer, each once: the answer's own (the place, the years) and the
 * figures' (how a figure was built, what kind of figure it is), prefixed by the figures they concern
 * when they do not concern every figure.
 */
function methodNotes(data: AnswerData): string[] {
  const out = [...data.notes];
  const rowsByNote = new Map<string, DataRow[]>();
  for (const r of data.rows)
    for (const n of r.notes) if (!out.includes(n)) rowsByNote.set(n, [...(rowsByNote.get(n) ?? []), r]);
  for (const [note, rows] of rowsByNote)
    out.push(rows.length === data.rows.length ? note : `${noteContext(data.rows, rows)} — ${note}`);
  const missing = data.rows.filter((r) => r.value === null);
  if (missing.length > 0) out.push(t('oficio.suppressed', { note: noteContext(data.rows, missing) }));
  return out;
}

/** The oficio's texts for a request and its prepared answer (signatory, number and code given). */
/** An indicator's name inside a sentence: lower case, but acronyms (AGEB, IMSS, CONAPO) stay as written. */
function lowerKeepingAcronyms(name: string): string {
  return name.replace(/\p{L}+/gu, (w) => (w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase()));
}

export function oficioDraftFor(
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  data: AnswerData,
  files: AnswerFile[],
  issue: { number: string; code: string; issuedAt: Date; signatory: { name: string; post: string } },
): OficioDraft {
  const agency = deps.config.agency;
  const years = [...new Set(data.rows.map((r) => r.year))].sort().join(', ');
  const composed = data.bodyParagraphs !== undefined;
  // A composed answer to an "Otro" question restates the question in the requester's own words, on
  // one line: what the requester typed may not lay out the agency's letter.
  const asked =
    composed && req.otherText
      ? t('workbench.oficio.asked_other', { text: toOneLine(req.otherText) })
      : t('oficio.asked_list', {
          indicators: data.indicators.map((i) => lowerKeepingAcronyms(i.name)).join(', '),
          geo: data.geo.name,
          years: years || req.years.join(', '),
        });
  // Answers prepared before citations were numbered keep their four columns and sources as they were.
  const cited = data.citations !== undefined;
  const rows = data.rows
    .slice(0, OFICIO_TABLE_ROWS)
    .map((r) => [
      r.indicatorName,
      r.geoName,
      String(r.year),
      displayValue(r),
      ...(cited ? [(r.citations ?? []).join(', ')] : []),
    ]);
  return {
    ...oficioFrame(deps, req, issue),
    subject: t('oficio.subject_default'),
    paragraphs: [
      t('oficio.intro', {
        folio: req.folio,
        receivedAt: formatDate(req.receivedAt, 'es-MX', agency.timezone),
        asked,
      }),
      ...(data.bodyParagraphs ?? []),
      ...(composed && rows.length === 0
        ? []
        : [t(cited ? 'oficio.answer_intro_cited' : 'oficio.answer_intro')]),
      // What was asked and is not attached (a chart of a single figure, a map of a state-only
      // indicator), each with its reason: the requester reads it in the letter, not only in the portal.
      ...new Set((data.omitted ?? []).map((o) => o.reason)),
    ],
    table: {
      headers: [
        t('oficio.table.indicator'),
        t('oficio.table.geo'),
        t('oficio.table.year'),
        t('oficio.table.value'),
        ...(cited ? [t('oficio.table.source')] : []),
      ],
      rows,
    },
    sources: data.citations ?? [...new Set(data.indicators.flatMap((i) => i.sources))],
    notes: methodNotes(data),
    attachments: files
      .filter((f) => f.kind !== 'oficio' && f.kind !== 'zip')
      .map((f) => ({ name: f.name, sha256: f.sha256 })),
    signatory: issue.signatory,
  };
}

/** What every oficio carries around its body: letterhead, número, folio, date, addressee, verification. */
export function oficioFrame(
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  issue: { number: string; code: string; issuedAt: Date },
) {
  const { agency, publicBaseUrl } = deps.config;
  return {
    agencyCode: agency.code,
    letterhead: agency.letterhead,
    ...(agency.logo ? { logo: agency.logo } : {}),
    city: agency.city,
    oficioNumber: issue.number,
    folio: req.folio,
    issuedAt: issue.issuedAt,
    timeZone: agency.timezone,
    addressee: { name: req.requesterName, organization: req.requesterOrganization },
    verificationUrl: `${publicBaseUrl}/verificar/${issue.code}`,
    verificationCode: issue.code,
  };
}

/** Next número de oficio, `COESPO/DO/2026/000042`: gapless per agency and year (row lock, in `tx`). */
export async function nextOficioNumber(tx: Database, agencyCode: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(oficioCounters)
    .values({ agencyCode, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [oficioCounters.agencyCode, oficioCounters.year],
      set: { lastValue: sql`${oficioCounters.lastValue} + 1` },
    })
    .returning({ value: oficioCounters.lastValue });
  return `${agencyCode}/DO/${year}/${String(row!.value).padStart(6, '0')}`;
}

/** The request's current answer (the newest that is not superseded). */
export async function currentAnswer(db: Database, requestId: string) {
  const rows = await db
    .select()
    .from(answers)
    .where(eq(answers.requestId, requestId))
    .orderBy(desc(answers.createdAt));
  return rows.find((a) => a.status !== 'superseded');
}

/** The prepared answer a signature is for: without one there is nothing to sign. */
export async function preparedAnswer(db: Database, requestId: string) {
  const answer = await currentAnswer(db, requestId);
  if (answer?.status !== 'prepared') throw new ConflictError('documents.error.no_answer');
  return answer;
}

/** The oficio about to be signed: takes the next número (in `tx`) and a new verification code. */
export async function numberedOficioDraft(
  tx: Database,
  deps: Pick<Deps, 'config'>,
  req: RequestRow,
  answer: typeof answers.$inferSelect,
  issue: { issuedAt: Date; signatory: { name: string; post: string } },
): Promise<OficioDraft> {
  const number = await nextOficioNumber(tx, deps.config.agency.code, agencyYear(deps, issue.issuedAt));
  return oficioDraftFor(deps, req, answer.data as unknown as AnswerData, answer.files, {
    number,
    code: newVerificationCode(),
    ...issue,
  });
}
