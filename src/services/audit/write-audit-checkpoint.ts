import { asc, count, desc, gt } from 'drizzle-orm';
import { currentAuditKey } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { auditCheckpoints, auditLog } from '../../db/schema/index.ts';
import { checkpointMac, checkpointPayload, startWalk, walkRow } from '../../domain/audit-chain.ts';
import type { Deps } from '../deps.ts';
import type { CheckpointSummary } from './verify-audit-chain.ts';

const BATCH = 2000;

/** The id of the first row chained with the key: the last checkpoint knows it; else walk until it. */
async function firstKeyedRow(db: Database, key: Uint8Array): Promise<number | null> {
  const [last] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  if (last?.keyedFrom != null && last.mac === checkpointMac(key, last)) return last.keyedFrom;
  let walk = startWalk();
  for (let after = 0; walk.keyedFrom === null && walk.firstBrokenId === null; ) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) walk = walkRow(walk, row, key);
    after = rows.at(-1)!.id;
  }
  return walk.keyedFrom;
}

/**
 * Signs the head of the audit chain into a checkpoint: the last row's id and hash, the number of rows
 * and the first keyed row, with an HMAC under the audit key and the institutional seal's signature, so
 * a later deletion of the last rows no longer matches it. Null when there is no row or no key; a
 * missing seal throws (the caller decides). The scheduled sweep and `audit verify` call it.
 */
export async function writeAuditCheckpoint(deps: Deps): Promise<CheckpointSummary | null> {
  const key = currentAuditKey();
  if (!key) return null;
  const now = deps.clock.now();
  const signer = await deps.signers.seal(now);
  return deps.db.transaction(async (tx) => {
    const [head] = await tx
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    if (!head) return null;
    const [total] = await tx.select({ rows: count() }).from(auditLog);
    const claim = {
      at: now,
      lastId: head.id,
      rowCount: Number(total?.rows ?? 0),
      headHash: head.hash,
      keyedFrom: await firstKeyedRow(tx, key),
    };
    const signature = await signer.sign(new Uint8Array(Buffer.from(checkpointPayload(claim))));
    const [cp] = await tx
      .insert(auditCheckpoints)
      .values({
        ...claim,
        mac: checkpointMac(key, claim),
        signature: Buffer.from(signature).toString('base64'),
        certificate: Buffer.from(signer.certDer).toString('base64'),
      })
      .returning();
    return { id: cp!.id, at: cp!.at, lastId: cp!.lastId, rowCount: cp!.rowCount };
  });
}
