import { sql } from 'drizzle-orm';
import {
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
import type { StaffRole } from '../../domain/actor.ts';
import { ts } from './columns.ts';
import { requests } from './core.ts';

/** Staff accounts. E-mail is stored lower-case; the password only as an argon2id hash. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    passwordHash: text('password_hash').notNull(),
    /** Base32 TOTP secret; `totpConfirmedAt` is set once a first code was accepted. */
    totpSecret: text('totp_secret'),
    totpConfirmedAt: ts('totp_confirmed_at'),
    /** Last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    active: boolean('active').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastSignInAt: ts('last_sign_in_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_users_email_uq').on(t.email)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id),
    /** Password accepted but the second factor not yet: the session grants nothing. */
    pendingTotp: boolean('pending_totp').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

/** One-time link to create the first admin on a fresh install. */
export const staffSetupTokens = pgTable('staff_setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull(),
});

/** Non-working days the State declares each year (Gaceta del Gobierno), on top of the federal ones. */
export const calendarNonWorkingDays = pgTable(
  'calendar_non_working_days',
  {
    /** Local date, YYYY-MM-DD. */
    date: text('date').primaryKey(),
    year: integer('year').notNull(),
    description: text('description').notNull(),
    gazetteReference: text('gazette_reference').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('calendar_non_working_days_year_idx').on(t.year)],
);

/** Working files the técnico attaches to a request (not the answer documents). */
export const requestFiles = pgTable(
  'request_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('request_files_request_idx').on(t.requestId)],
);

/** SLA alerts already sent: one per request, kind and deadline (a moved deadline may alert again). */
export const slaAlerts = pgTable(
  'sla_alerts',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    kind: text('kind').$type<'due_soon' | 'overdue'>().notNull(),
    dueAt: ts('due_at').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.kind, t.dueAt] })],
);

/** Texts the admin edits (agency letterhead and signatory, indicator names); keyed, JSON values. */
export const adminSettings = pgTable('admin_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().default(sql`now()`),
});
