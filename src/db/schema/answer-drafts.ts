import { integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { requests } from './core.ts';

/**
 * The técnico's answer draft, append-only: every save (or annex added / removed) is a new version,
 * so who changed what and when stays on record. The current draft is the highest version.
 */
export const answerDrafts = pgTable(
  'answer_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    version: integer('version').notNull(),
    /** AnswerDraftContent (src/services/answers/answer-draft.ts) as JSON. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** The parts this version changed (`indicators`, `places`, `annexes`…). */
    changes: jsonb('changes').$type<string[]>().notNull(),
    savedBy: text('saved_by').notNull(),
    savedAt: ts('saved_at').notNull(),
  },
  (t) => [
    // Two saves from the same version: the second fails instead of silently overwriting.
    uniqueIndex('answer_drafts_request_version_uq').on(t.requestId, t.version),
  ],
);
