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
