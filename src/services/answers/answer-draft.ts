import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { answerDrafts } from '../../db/schema/index.ts';

/**
 * The data files an answer may carry. The signed oficio and the ZIP of everything always go (the ZIP
 * is made when the oficio is signed), so they are not a choice.
 */
export const ANSWER_FORMATS = ['xlsx', 'csv', 'chart', 'map'] as const;
export type AnswerFormat = (typeof ANSWER_FORMATS)[number];

/** The paragraphs the técnico writes, in the order the oficio prints them. */
export const BODY_FIELDS = ['explanation', 'methodology', 'limitations'] as const;
export type BodyField = (typeof BODY_FIELDS)[number];

/** An official annex: a file the técnico made, kept in the content-addressed document store. */
export type AnswerAnnex = { name: string; sha256: string; mediaType: string; size: number };

export type AnswerDraftContent = {
  indicators: string[];
  /** Geography ids (`state:15`, `mun:15106`, `region:6`, `zm:15.02`, `set:…`) or the request's `polygon:…`. */
  places: string[];
  years: number[];
  formats: AnswerFormat[];
  body: Record<BodyField, string>;
  annexes: AnswerAnnex[];
};

export type AnswerDraft = {
  /** 0 while nothing has been saved: the draft is then what the requester asked. */
  version: number;
  content: AnswerDraftContent;
  savedBy: string | null;
  savedAt: Date | null;
};

/** What the requester asked, as the starting draft. */
export function draftFromRequest(req: RequestRow): AnswerDraftContent {
  const asked = new Set(req.formats);
  return {
    indicators: [...req.indicators],
    places: [req.geo],
    years: [...req.years],
    // The tabulado always went with an answer; keep it on by default.
    formats: ANSWER_FORMATS.filter((f) => f === 'xlsx' || asked.has(f)),
    body: { explanation: '', methodology: '', limitations: '' },
    annexes: [],
  };
}

/** The request's current draft: the newest saved version, or the requester's question. */
export async function currentDraft(db: Database, req: RequestRow): Promise<AnswerDraft> {
  const [row] = await db
    .select()
    .from(answerDrafts)
    .where(eq(answerDrafts.requestId, req.id))
    .orderBy(desc(answerDrafts.version))
    .limit(1);
  if (!row) return { version: 0, content: draftFromRequest(req), savedBy: null, savedAt: null };
  return {
    version: row.version,
    content: row.content as unknown as AnswerDraftContent,
    savedBy: row.savedBy,
    savedAt: row.savedAt,
  };
}

/** Every saved version, newest first (the history the workbench shows). */
export async function draftHistory(db: Database, requestId: string) {
  return db
    .select({
      version: answerDrafts.version,
      changes: answerDrafts.changes,
      savedBy: answerDrafts.savedBy,
      savedAt: answerDrafts.savedAt,
    })
    .from(answerDrafts)
    .where(eq(answerDrafts.requestId, requestId))
    .orderBy(desc(answerDrafts.version));
}

export function hasFigures(c: AnswerDraftContent): boolean {
  return c.indicators.length > 0 && c.places.length > 0;
}

/** The técnico's paragraphs, split on blank lines, in the oficio's order. */
export function bodyParagraphs(c: AnswerDraftContent): string[] {
  return BODY_FIELDS.flatMap((f) =>
    c.body[f]
      .split(/\r?\n\s*\r?\n/)
      .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
      .filter(Boolean),
  );
}

/** Nothing to send: no figures, no paragraphs and no annexes. */
export function isEmptyDraft(c: AnswerDraftContent): boolean {
  return !hasFigures(c) && bodyParagraphs(c).length === 0 && c.annexes.length === 0;
}

/** The parts that differ between two versions (for the history and the timeline). */
export function changedParts(before: AnswerDraftContent, after: AnswerDraftContent): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const parts: string[] = [];
  for (const k of ['indicators', 'places', 'years', 'formats'] as const)
    if (!same(before[k], after[k])) parts.push(k);
  for (const f of BODY_FIELDS) if (before.body[f] !== after.body[f]) parts.push(f);
  if (!same(before.annexes, after.annexes)) parts.push('annexes');
  return parts;
}
