import { desc, sql } from 'drizzle-orm';
import { type Actor, actorLabel } from '../domain/actor.ts';
import { chainLink, GENESIS_HASH } from '../domain/audit-chain.ts';
import type { Database } from './client.ts';
import { auditLog } from './schema/index.ts';

// Any constant: it names the lock that serialises appends so the chain never forks.
const AUDIT_LOCK_KEY = 7_040_215;

// The installation's audit key (DATA_DIR/audit.key), set once by the composition root. It is process
// state rather than a parameter because every use case appends through `appendAudit(tx, …)`.
let auditKey: Uint8Array | null = null;

/** Sets the key every following append chains with (bootstrap; tests set a fixed one). */
export function useAuditKey(key: Uint8Array | null): void {
  auditKey = key;
}

/** The key appends chain with, or null when none was set (rows are then "sin llave"). */
export function currentAuditKey(): Uint8Array | null {
  return auditKey;
}

export type AuditEntry = {
  actor: Actor;
  action: string;
  subject?: string | null;
  data?: Record<string, unknown>;
  at: Date;
};

/**
 * Appends one row to the audit log, chained to the previous row with an HMAC under the audit key (a
 * plain SHA-256 link without one). Call it inside the use case's transaction.
 */
export async function appendAudit(tx: Database, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Round to milliseconds: that is what a timestamp gives back, and the hash must survive the round trip.
  const fields = {
    at: new Date(entry.at.getTime()),
    actor: actorLabel(entry.actor),
    action: entry.action,
    subject: entry.subject ?? null,
    data: entry.data ?? {},
  };
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainLink(auditKey, prevHash, fields) });
}
