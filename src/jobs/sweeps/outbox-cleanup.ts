import { deleteFinishedJobs } from '../../db/outbox.ts';
import type { Sweep } from './types.ts';

const KEEP_DONE_MS = 14 * 24 * 3600_000;

/** Deletes finished jobs after two weeks (dead jobs stay until an admin retries them). */
export const outboxCleanup: Sweep = {
  name: 'outbox-cleanup',
  everyMs: 3600_000,
  run: (deps) => deleteFinishedJobs(deps.db, new Date(deps.clock.now().getTime() - KEEP_DONE_MS)),
};
