import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { deadlineAfterPause } from '../../domain/working-calendar.ts';
import type { Deps } from '../deps.ts';
import { loadCalendar } from './load-calendar.ts';

/**
 * The request columns to set when the clock restarts at `now` after a prevención: the paused working
 * time is added to the deadline and to `pausedWorkingMs`. Pass them to `moveRequestStatus`.
 */
export async function resumeClockChanges(
  deps: Pick<Deps, 'config' | 'db' | 'clock'>,
  req: Pick<RequestRow, 'dueAt' | 'pausedAt' | 'pausedWorkingMs'>,
  now: Date,
  db?: Database,
): Promise<{ dueAt: Date | null; pausedAt: null; pausedWorkingMs: number }> {
  if (!req.pausedAt) return { dueAt: req.dueAt, pausedAt: null, pausedWorkingMs: req.pausedWorkingMs };
  const calendar = await loadCalendar(deps, db);
  if (!req.dueAt) return { dueAt: null, pausedAt: null, pausedWorkingMs: req.pausedWorkingMs };
  const { dueAt, pausedMs } = deadlineAfterPause(req.dueAt, req.pausedAt, now, calendar);
  return { dueAt, pausedAt: null, pausedWorkingMs: req.pausedWorkingMs + pausedMs };
}
