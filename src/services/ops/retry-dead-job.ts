import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { outboxJobs } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

/**
 * "Reintentar": a dead job goes back to the queue with a fresh set of attempts. Its handler is
 * idempotent, so a retry never repeats what already happened (an e-mail already recorded as sent).
 */
export async function retryDeadJob(deps: Deps, actor: Actor, input: { jobId: number }): Promise<void> {
  const { jobId } = input;
  const [job] = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.id, jobId)).limit(1);
  if (!job) throw new NotFoundError('outbox_job');
  authorize(actor, 'outbox.retry');
  if (job.status !== 'dead') throw new ConflictError('error.status_changed');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [moved] = await tx
      .update(outboxJobs)
      .set({ status: 'pending', attempts: 0, runAt: now, lockedAt: null, lockedBy: null })
      .where(and(eq(outboxJobs.id, jobId), eq(outboxJobs.status, 'dead')))
      .returning({ id: outboxJobs.id });
    if (!moved) throw new ConflictError('error.status_changed');
    await appendAudit(tx, {
      actor,
      action: 'outbox.retry',
      subject: `outbox:${jobId}`,
      data: { kind: job.kind, attempts: job.attempts },
      at: now,
    });
  });
}
