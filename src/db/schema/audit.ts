import { bigint, bigserial, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/**
 * Signed checkpoints of the audit chain: "up to row `lastId` the chain had `rowCount` rows and ended
 * in `headHash`", with an HMAC under the audit key (kept under DATA_DIR, not in the database) and the
 * institutional seal's signature. A later deletion of rows, or an edit with recomputed hashes, no
 * longer matches a checkpoint, and nobody without the key and the seal can write a new one.
 */
export const auditCheckpoints = pgTable('audit_checkpoints', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  rowCount: bigint('row_count', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  /** The first row chained with the key (older rows are "sin llave"); null when none is keyed yet. */
  keyedFrom: bigint('keyed_from', { mode: 'number' }),
  /** HMAC-SHA256 of the canonical payload under the audit key (hex). */
  mac: text('mac').notNull(),
  /** RSA-SHA256 signature of the payload by the seal (base64) and the seal's certificate (DER, base64). */
  signature: text('signature').notNull(),
  certificate: text('certificate').notNull(),
});
