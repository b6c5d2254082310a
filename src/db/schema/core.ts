import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RequestStatus } from '../../domain/request-lifecycle.ts';
import type { Locale } from '../../i18n/index.ts';
import { ts } from './columns.ts';

/** Gapless folio numbers per agency and year: the row lock serialises concurrent submissions. */
export const folioCounters = pgTable(
  'folio_counters',
  {
    agencyCode: text('agency_code').notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.year] })],
);

/** A request for sociodemographic information. Personal data lives in the requester_* columns only. */
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    folio: text('folio').notNull(),
    agencyCode: text('agency_code').notNull(),
    status: text('status').$type<RequestStatus>().notNull(),
    indicators: jsonb('indicators').$type<string[]>().notNull(),
    otherText: text('other_text'),
    geo: text('geo').notNull(),
    geoGeojson: jsonb('geo_geojson'),
    years: jsonb('years').$type<number[]>().notNull(),
    formats: jsonb('formats').$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    /** Normal form of the question (sorted indicators, geography, years) to recognise repeats. */
    queryKey: text('query_key').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterEmail: text('requester_email').notNull(),
    /** The language the request was made in; every later e-mail to the requester is written in it. */
    requesterLocale: text('requester_locale').$type<Locale>().notNull().default('es-MX'),
    requesterSector: text('requester_sector').notNull(),
    requesterOrganization: text('requester_organization'),
    requesterPhone: text('requester_phone'),
    privacyConsentVersion: text('privacy_consent_version').notNull(),
    privacyConsentAt: ts('privacy_consent_at').notNull(),
    publishConsent: boolean('publish_consent').notNull().default(false),
    /** SHA-256 of the requester's tracking token; the token itself is never stored. */
    trackingTokenHash: text('tracking_token_hash').notNull(),
    receivedAt: ts('received_at').notNull(),
    dueAt: ts('due_at'),
    /** When the clock was stopped (prevención); null while it runs. */
    pausedAt: ts('paused_at'),
    /** Working milliseconds spent in pauses so far, for the results measures. */
    pausedWorkingMs: integer('paused_working_ms').notNull().default(0),
    assigneeId: uuid('assignee_id'),
    answeredBy: text('answered_by').$type<'auto' | 'staff'>(),
    deliveredAt: ts('delivered_at'),
    closedAt: ts('closed_at'),
    anonymizedAt: ts('anonymized_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('requests_folio_uq').on(t.folio),
    index('requests_status_due_idx').on(t.status, t.dueAt),
    index('requests_email_idx').on(t.requesterEmail),
    index('requests_query_key_idx').on(t.queryKey),
  ],
);

/** The request's timeline: what the requester and staff see happened, in order. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    at: ts('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').$type<RequestStatus>(),
    toStatus: text('to_status').$type<RequestStatus>(),
    /** Shown to the requester (false for internal notes). */
    visibleToRequester: boolean('visible_to_requester').notNull().default(true),
    message: text('message'),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);

/** Append-only audit log; each row carries the SHA-256 of the previous row (hash chain). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_subject_idx').on(t.subject)],
);

export const OUTBOX_STATUSES = ['pending', 'running', 'done', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** Effects (e-mail, documents) written in the same transaction as the change that causes them. */
export const outboxJobs = pgTable(
  'outbox_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** Optional idempotency key: enqueueing the same effect twice keeps one job. */
    dedupeKey: text('dedupe_key'),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAt: ts('run_at').notNull(),
    lockedAt: ts('locked_at'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    doneAt: ts('done_at'),
  },
  (t) => [
    uniqueIndex('outbox_jobs_dedupe_uq').on(t.dedupeKey),
    index('outbox_jobs_claim_idx').on(t.status, t.runAt).where(sql`status = 'pending'`),
  ],
);
