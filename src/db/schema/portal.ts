import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { requests } from './core.ts';

/** A request being filled in, step by step. The browser holds only the random id (a cookie). */
export const requestDrafts = pgTable(
  'request_drafts',
  {
    /** SHA-256 of the cookie value: a leaked table does not let anyone resume someone's draft. */
    idHash: text('id_hash').primaryKey(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** Set once submitted: a second submit of the same draft shows this request, not a new one. */
    requestId: uuid('request_id').references(() => requests.id),
  },
  (t) => [index('request_drafts_updated_idx').on(t.updatedAt)],
);

/** One-time sign-in links for the requester portal (no passwords). Only the token's hash is kept. */
export const requesterSignInLinks = pgTable(
  'requester_sign_in_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('requester_sign_in_links_email_idx').on(t.email)],
);

/** Requester sessions opened by a sign-in link. */
export const requesterSessions = pgTable('requester_sessions', {
  idHash: text('id_hash').primaryKey(),
  email: text('email').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/** API Idempotency-Key: the same key and body give the same request, once. */
export const apiIdempotencyKeys = pgTable('api_idempotency_keys', {
  key: text('key').primaryKey(),
  bodyHash: text('body_hash').notNull(),
  requestId: uuid('request_id')
    .notNull()
    .references(() => requests.id),
  createdAt: ts('created_at').notNull(),
});

/** The 3-question satisfaction survey after delivery; one per request. */
export const satisfactionSurveys = pgTable('satisfaction_surveys', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => requests.id),
  /** Did the answer give what was asked: yes / partly / no. */
  answered: text('answered').$type<'yes' | 'partly' | 'no'>().notNull(),
  /** How easy was the service, 1 (very hard) to 5 (very easy). */
  ease: integer('ease').notNull(),
  comment: text('comment'),
  submittedAt: ts('submitted_at').notNull(),
});

/** Proof-of-work challenges already used (single use), kept until they expire. */
export const usedPowChallenges = pgTable(
  'used_pow_challenges',
  {
    signature: text('signature').primaryKey(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('used_pow_challenges_expires_idx').on(t.expiresAt)],
);
