import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { outboxJobs } from './schema/index.ts';

export type OutboxJob = {
  kind: string;
  payload: Record<string, unknown>;
  /** Same key twice keeps one job (e.g. `mail.ack:<folio>`). */
  dedupeKey?: string;
  runAt: Date;
};

/** Queues an effect in the caller's transaction; a worker performs it after commit. */
export async function enqueueJob(tx: Database, job: OutboxJob): Promise<void> {
  await tx
    .insert(outboxJobs)
    .values({ kind: job.kind, payload: job.payload, dedupeKey: job.dedupeKey ?? null, runAt: job.runAt })
    .onConflictDoNothing();
}

export type OutboxRow = typeof outboxJobs.$inferSelect;

/** A job a worker holds: `attempts` already counts the current run. */
export type ClaimedJob = Pick<OutboxRow, 'id' | 'kind' | 'payload' | 'dedupeKey' | 'attempts' | 'createdAt'>;

/**
 * Claims due jobs (and running ones whose lease expired). On PostgreSQL several workers may run:
 * `FOR UPDATE SKIP LOCKED` hands each row to exactly one of them, and the claim commits at once
 * (status running + lease) so no lock is held while the job runs.
 */
export async function claimDueJobs(
  db: Database,
  o: { now: Date; leaseMs: number; batchSize: number; workerId: string },
): Promise<ClaimedJob[]> {
  const leaseExpired = new Date(o.now.getTime() - o.leaseMs);
  const due = db
    .select({ id: outboxJobs.id })
    .from(outboxJobs)
    .where(
      or(
        and(eq(outboxJobs.status, 'pending'), lte(outboxJobs.runAt, o.now)),
        and(eq(outboxJobs.status, 'running'), lt(outboxJobs.lockedAt, leaseExpired)),
      ),
    )
    .orderBy(outboxJobs.runAt, outboxJobs.id)
    .limit(o.batchSize)
    .for('update', { skipLocked: true });
  return db
    .update(outboxJobs)
    .set({
      status: 'running',
      lockedAt: o.now,
      lockedBy: o.workerId,
      attempts: sql`${outboxJobs.attempts} + 1`,
    })
    .where(inArray(outboxJobs.id, due))
    .returning({
      id: outboxJobs.id,
      kind: outboxJobs.kind,
      payload: outboxJobs.payload,
      dedupeKey: outboxJobs.dedupeKey,
      attempts: outboxJobs.attempts,
      createdAt: outboxJobs.createdAt,
    });
}

/** How a held job ends this run: done, dead (dead-letter), or pending again at `runAt`. */
export type JobSettlement =
  | { status: 'done'; at: Date }
  | { status: 'dead'; lastError: string }
  | { status: 'pending'; lastError: string; runAt: Date };

/** Records a job's outcome. Only the worker that holds it may (a lease-expired job may have been re-claimed). */
export async function settleJob(db: Database, id: number, workerId: string, s: JobSettlement): Promise<void> {
  const changes =
    s.status === 'done'
      ? { status: s.status, doneAt: s.at, lockedAt: null, lastError: null }
      : s.status === 'dead'
        ? { status: s.status, lockedAt: null, lastError: s.lastError }
        : { status: s.status, lockedAt: null, lastError: s.lastError, runAt: s.runAt };
  await db
    .update(outboxJobs)
    .set(changes)
    .where(and(eq(outboxJobs.id, id), eq(outboxJobs.status, 'running'), eq(outboxJobs.lockedBy, workerId)));
}

/** Keeps the leases of the jobs a worker still holds fresh. */
export async function renewJobLeases(
  db: Database,
  ids: number[],
  workerId: string,
  now: Date,
): Promise<void> {
  await db
    .update(outboxJobs)
    .set({ lockedAt: now })
    .where(
      and(inArray(outboxJobs.id, ids), eq(outboxJobs.status, 'running'), eq(outboxJobs.lockedBy, workerId)),
    );
}

/** Every running job back to pending: on PGlite (one process) they were cut short by a crash. */
export async function releaseRunningJobs(db: Database): Promise<void> {
  await db
    .update(outboxJobs)
    .set({ status: 'pending', lockedAt: null })
    .where(eq(outboxJobs.status, 'running'));
}

/** Deletes jobs finished before `before` (dead jobs stay until an admin retries them). */
export async function deleteFinishedJobs(db: Database, before: Date): Promise<void> {
  await db.delete(outboxJobs).where(and(eq(outboxJobs.status, 'done'), lt(outboxJobs.doneAt, before)));
}
