import { createPublicKey, verify as rsaVerify, timingSafeEqual, X509Certificate } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import { appendAudit, currentAuditKey } from '../../db/audit.ts';
import { auditCheckpoints, auditLog } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  type ChainWalk,
  checkpointMac,
  checkpointPayload,
  startWalk,
  walkRow,
} from '../../domain/audit-chain.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { writeAuditCheckpoint } from './write-audit-checkpoint.ts';

const BATCH = 2000;

export type CheckpointSummary = { id: number; at: Date; lastId: number; rowCount: number };

export type ChainReport = {
  /** Nothing edited, nothing missing, every checkpoint genuine and matched. */
  intact: boolean;
  checked: number;
  /** The first row whose link (HMAC, or SHA-256 before the key) does not hold: an edit. */
  firstBrokenId: number | null;
  /** Rows written before the installation had an audit key, checked as before ("sin llave"). */
  unkeyed: number;
  keyedFrom: number | null;
  /** The last row of the log now. */
  lastId: number;
  /** Checkpoints whose HMAC or seal signature does not hold (written by someone without the key). */
  forgedCheckpoints: number[];
  /** The latest genuine checkpoint the log still matches. */
  lastGoodCheckpoint: CheckpointSummary | null;
  /** A genuine checkpoint covers rows the log no longer has: rows were deleted. */
  truncated: (CheckpointSummary & { rowsNow: number }) | null;
  /** A genuine checkpoint's head or first keyed row differs: rows were rewritten with new links. */
  rewritten: CheckpointSummary | null;
  /** The checkpoint this verification signed (only when the chain is intact and the seal is at hand). */
  newCheckpoint: CheckpointSummary | null;
};

type CheckpointRow = typeof auditCheckpoints.$inferSelect;

function macMatches(key: Uint8Array | null, cp: CheckpointRow): boolean {
  if (!key) return false;
  const expected = Buffer.from(checkpointMac(key, cp), 'hex');
  const given = Buffer.from(cp.mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function sealSignatureHolds(cp: CheckpointRow): boolean {
  try {
    const cert = new X509Certificate(Buffer.from(cp.certificate, 'base64'));
    return rsaVerify(
      'sha256',
      Buffer.from(checkpointPayload(cp)),
      createPublicKey(cert.publicKey.export({ format: 'pem', type: 'spki' })),
      Buffer.from(cp.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

const summary = (cp: CheckpointRow): CheckpointSummary => ({
  id: cp.id,
  at: cp.at,
  lastId: cp.lastId,
  rowCount: cp.rowCount,
});

/**
 * Walks the whole audit log in id order, in batches: every row's link must hold (HMAC under the audit
 * key from the first keyed row on; SHA-256 before it, "sin llave"). Then every signed checkpoint must
 * be genuine (HMAC and seal signature) and still match the log: its row still there with the same
 * hash, the same number of rows up to it, the same first keyed row. A deletion at the end shows as
 * truncation; an edit with recomputed links as a broken row or a rewritten checkpoint. The command line
 * (as the system) or an auditor may run it; the check itself is audited, and an intact chain gets a
 * new checkpoint signed with the seal.
 */
export async function verifyAuditChain(deps: Deps, actor: Actor): Promise<ChainReport> {
  if (actor.type !== 'system') authorize(actor, 'audit.verify');
  const key = currentAuditKey();
  const checkpoints = await deps.db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.lastId));
  const genuine = checkpoints.filter((cp) => macMatches(key, cp) && sealSignatureHolds(cp));
  const forgedCheckpoints = checkpoints.filter((cp) => !genuine.includes(cp)).map((cp) => cp.id);

  // While walking, note the state at each genuine checkpoint's row.
  const seenAt = new Map<number, ChainWalk & { hash: string }>();
  const wanted = new Set(genuine.map((cp) => cp.lastId));
  let walk = startWalk();
  for (let after = 0; ; ) {
    const rows = await deps.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      walk = walkRow(walk, row, key);
      if (wanted.has(row.id)) seenAt.set(row.id, { ...walk, hash: row.hash });
      after = row.id;
    }
    if (walk.firstBrokenId !== null) break;
  }

  let truncated: ChainReport['truncated'] = null;
  let rewritten: ChainReport['rewritten'] = null;
  let lastGoodCheckpoint: CheckpointSummary | null = null;
  for (const cp of genuine) {
    const at = seenAt.get(cp.lastId);
    // Past a broken row nothing can be matched; the broken row is what gets reported.
    if (walk.firstBrokenId !== null && (!at || at.firstBrokenId !== null)) continue;
    if (!at) {
      // The signed row is gone while the chain still links: rows were deleted (the latest such anchor).
      truncated = { ...summary(cp), rowsNow: walk.checked };
      continue;
    }
    const matches = at.hash === cp.headHash && at.checked === cp.rowCount && at.keyedFrom === cp.keyedFrom;
    if (matches) lastGoodCheckpoint = summary(cp);
    else rewritten ??= summary(cp);
  }

  const intact = walk.firstBrokenId === null && forgedCheckpoints.length === 0 && !truncated && !rewritten;
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'audit.verified',
      data: {
        checked: walk.checked,
        firstBrokenId: walk.firstBrokenId,
        intact,
        truncatedAfter: truncated?.lastId ?? null,
        rewrittenAt: rewritten?.lastId ?? null,
        forgedCheckpoints,
      },
      at: deps.clock.now(),
    }),
  );
  // Anchor what was just verified (and the verification row itself): only an intact chain.
  const newCheckpoint = intact ? await writeAuditCheckpoint(deps).catch(() => null) : null;
  return {
    intact,
    checked: walk.checked,
    firstBrokenId: walk.firstBrokenId,
    unkeyed: walk.unkeyed,
    keyedFrom: walk.keyedFrom,
    lastId: walk.lastId,
    forgedCheckpoints,
    lastGoodCheckpoint,
    truncated,
    rewritten,
    newCheckpoint,
  };
}
