import { asc, gt } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { auditHash, GENESIS_HASH } from '../../domain/audit-chain.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

const BATCH = 2000;

export type ChainReport = { checked: number; firstBrokenId: number | null };

/**
 * Walks the whole audit log in id order, in batches (the log only grows), and reports the first row
 * whose link to the previous row or whose own hash does not hold. The command line (as the system)
 * or an auditor may run it; the check itself is audited.
 */
export async function verifyAuditChain(deps: Deps, actor: Actor): Promise<ChainReport> {
  if (actor.type !== 'system') authorize(actor, 'audit.verify');
  let lastId = 0;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let firstBrokenId: number | null = null;
  outer: for (;;) {
    const rows = await deps.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      checked++;
      if (row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) {
        firstBrokenId = row.id;
        break outer;
      }
      prevHash = row.hash;
      lastId = row.id;
    }
  }
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'audit.verified',
      data: { checked, firstBrokenId },
      at: deps.clock.now(),
    }),
  );
  return { checked, firstBrokenId };
}
