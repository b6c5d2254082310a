import { and, eq, lt } from 'drizzle-orm';
import { outboxJobs } from '../../db/schema/index.ts';
import type { Sweep } from './types.ts';

const KEEP_DONE_MS = 14 * 24 * 3600_000;

/** Deletes finished jobs after two weeks (dead jobs stay until an admin retries them). */
export const outboxCleanup: Sweep = {
  name: 'outbox-cleanup',
  everyMs: 3600_000,
  async run(deps) {
    const before = new Date(deps.clock.now().getTime() - KEEP_DONE_MS);
    await deps.db.delete(outboxJobs).where(and(eq(outboxJobs.status, 'done'), lt(outboxJobs.doneAt, before)));
  },
};
