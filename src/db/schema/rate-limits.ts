import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/**
 * Fixed-window rate-limit counters shared by every process on PostgreSQL (PGlite counts in memory).
 * The key is stored as its SHA-256: counters keyed by e-mail must not become a list of addresses.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    rule: text('rule').notNull(),
    keyHash: text('key_hash').notNull(),
    count: integer('count').notNull(),
    resetAt: ts('reset_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rule, t.keyHash] }), index('rate_limit_counters_reset_idx').on(t.resetAt)],
);
