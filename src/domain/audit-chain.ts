import { createHash } from 'node:crypto';

/** The hash of the row before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
};

/** JSON with object keys sorted at every level, so the same content always hashes the same
 * (PostgreSQL's jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, row: AuditFields): string {
  const body = canonicalJson({
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    data: row.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Walks rows in id order; returns the id of the first row whose link or hash does not hold. */
export function findFirstBrokenRow(
  rows: Iterable<AuditFields & { id: number; prevHash: string; hash: string }>,
): number | null {
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev || auditHash(prev, row) !== row.hash) return row.id;
    prev = row.hash;
  }
  return null;
}
