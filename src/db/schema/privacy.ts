import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { requests } from './core.ts';
import type { AnswerFile } from './documents.ts';

/**
 * The public library of answers (/respuestas): only the question in its structured form, where and
 * when, and the data files. Never the requester, the purpose, the free text or the oficio (which
 * names the requester). Written by the publish sweep from delivered answers.
 */
export const publishedAnswers = pgTable(
  'published_answers',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => requests.id),
    /** Public id in URLs: not the folio, so a published question does not point at a requester's folio. */
    publicId: text('public_id').notNull(),
    indicators: jsonb('indicators').$type<string[]>().notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    geo: text('geo').notNull(),
    geoName: text('geo_name').notNull(),
    /** The geography and its member municipalities, so a municipality filter finds regions that hold it. */
    geoIds: jsonb('geo_ids').$type<string[]>().notNull(),
    years: jsonb('years').$type<number[]>().notNull(),
    queryKey: text('query_key').notNull(),
    title: text('title').notNull(),
    /** Spanish text searched with to_tsvector('spanish', …) (names, definitions, topics, place). */
    searchText: text('search_text').notNull(),
    /** Why it may be published: the requester agreed, or the answer holds only official aggregates. */
    basis: text('basis').$type<'consent' | 'public_aggregates'>().notNull(),
    files: jsonb('files').$type<AnswerFile[]>().notNull(),
    answeredAt: ts('answered_at').notNull(),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [
    uniqueIndex('published_answers_public_id_uq').on(t.publicId),
    index('published_answers_query_key_idx').on(t.queryKey),
    index('published_answers_search_idx').using('gin', sql`to_tsvector('spanish', ${t.searchText})`),
  ],
);

export const ARCO_KINDS = ['cancellation'] as const;
export type ArcoKind = (typeof ARCO_KINDS)[number];
export const ARCO_STATUSES = ['pending', 'completed', 'rejected'] as const;
export type ArcoStatus = (typeof ARCO_STATUSES)[number];

/**
 * A requester's ARCO request (today: cancelación, i.e. deletion of their personal data), answered by
 * staff within its own legal deadline. The e-mail is cleared once the request is resolved.
 */
export const arcoRequests = pgTable(
  'arco_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public id in URLs (`ARCO-2026-7QK3M9`). */
    code: text('code').notNull(),
    kind: text('kind').$type<ArcoKind>().notNull(),
    status: text('status').$type<ArcoStatus>().notNull().default('pending'),
    email: text('email'),
    receivedAt: ts('received_at').notNull(),
    dueAt: ts('due_at').notNull(),
    resolvedAt: ts('resolved_at'),
    resolvedBy: text('resolved_by'),
    /** Staff's reason or note on resolving (shown to nobody else; no personal data expected). */
    note: text('note'),
    /** How many requests were anonymised on completion. */
    requestsAnonymized: integer('requests_anonymized'),
  },
  (t) => [
    uniqueIndex('arco_requests_code_uq').on(t.code),
    index('arco_requests_status_due_idx').on(t.status, t.dueAt),
    index('arco_requests_email_idx').on(t.email),
  ],
);
