import { createHash, createHmac } from 'node:crypto';

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

function rowBody(row: AuditFields): string {
  return canonicalJson({
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    data: row.data,
  });
}

/** The unkeyed link (rows written before the installation had an audit key: "sin llave"). */
export function auditHash(prevHash: string, row: AuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(rowBody(row)).digest('hex');
}

/**
 * The keyed link: HMAC-SHA256 under the audit key, which lives outside the database, so someone who
 * can only write the database cannot recompute the chain after editing or deleting a row.
 */
export function auditMac(key: Uint8Array, prevHash: string, row: AuditFields): string {
  return createHmac('sha256', key).update(prevHash).update('\n').update(rowBody(row)).digest('hex');
}

/** The link a new row gets: keyed when there is a key. */
export function chainLink(key: Uint8Array | null, prevHash: string, row: AuditFields): string {
  return key ? auditMac(key, prevHash, row) : auditHash(prevHash, row);
}

export type ChainRow = AuditFields & { id: number; prevHash: string; hash: string };

/**
 * The state of a walk over the chain in id order. Unkeyed rows are accepted only before the first
 * keyed one (the rows an installation wrote before it had a key); after it, every row must carry the
 * HMAC, so an edited row with recomputed SHA-256 links is still found.
 */
export type ChainWalk = {
  checked: number;
  prevHash: string;
  lastId: number;
  /** Id of the first keyed row, or null while every row is unkeyed. */
  keyedFrom: number | null;
  /** Rows before the first keyed one (verified as before, without a key). */
  unkeyed: number;
  firstBrokenId: number | null;
};

export function startWalk(): ChainWalk {
  return { checked: 0, prevHash: GENESIS_HASH, lastId: 0, keyedFrom: null, unkeyed: 0, firstBrokenId: null };
}

/** Advances the walk by one row; once a row is broken the walk stays broken at it. */
export function walkRow(walk: ChainWalk, row: ChainRow, key: Uint8Array | null): ChainWalk {
  if (walk.firstBrokenId !== null) return walk;
  const next = { ...walk, checked: walk.checked + 1 };
  const linked = row.prevHash === walk.prevHash;
  const keyed = linked && key !== null && auditMac(key, walk.prevHash, row) === row.hash;
  const unkeyed = linked && !keyed && walk.keyedFrom === null && auditHash(walk.prevHash, row) === row.hash;
  if (!keyed && !unkeyed) return { ...next, firstBrokenId: row.id };
  return {
    ...next,
    prevHash: row.hash,
    lastId: row.id,
    keyedFrom: keyed && walk.keyedFrom === null ? row.id : walk.keyedFrom,
    unkeyed: unkeyed ? walk.unkeyed + 1 : walk.unkeyed,
  };
}

/** Walks rows in id order; returns the id of the first row whose link or hash does not hold. */
export function findFirstBrokenRow(rows: Iterable<ChainRow>, key: Uint8Array | null = null): number | null {
  let walk = startWalk();
  for (const row of rows) walk = walkRow(walk, row, key);
  return walk.firstBrokenId;
}

/** What a checkpoint asserts about the chain. */
export type CheckpointClaim = {
  at: Date;
  lastId: number;
  rowCount: number;
  headHash: string;
  keyedFrom: number | null;
};

/** The exact bytes the checkpoint's HMAC and seal signature cover. */
export function checkpointPayload(c: CheckpointClaim): string {
  return `dato-oficial/audit-checkpoint/v1\n${canonicalJson({
    at: c.at.toISOString(),
    lastId: c.lastId,
    rowCount: c.rowCount,
    headHash: c.headHash,
    keyedFrom: c.keyedFrom,
  })}`;
}

export function checkpointMac(key: Uint8Array, c: CheckpointClaim): string {
  return createHmac('sha256', key).update(checkpointPayload(c)).digest('hex');
}
