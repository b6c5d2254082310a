import { and, eq, isNotNull } from 'drizzle-orm';
import { requests } from '../../db/schema/index.ts';
import { ConflictError } from '../../domain/errors.ts';
import { loadCalendar } from '../../services/calendar/load-calendar.ts';
import type { Deps } from '../../services/deps.ts';
import { expireClarification } from '../../services/staff/expire-clarification.ts';
import type { Sweep } from './types.ts';

/**
 * Concludes requests whose prevención went unanswered for 10 working days. A request the requester
 * answered meanwhile has moved on: the status check makes that one a no-op.
 */
export async function run(deps: Deps, now: Date): Promise<{ expired: number }> {
  const waiting = await deps.db
    .select()
    .from(requests)
    .where(and(eq(requests.status, 'clarification_requested'), isNotNull(requests.pausedAt)));
  if (waiting.length === 0) return { expired: 0 };
  const calendar = await loadCalendar(deps);
  let expired = 0;
  for (const req of waiting) {
    try {
      if (await expireClarification(deps, req, calendar, now)) expired++;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  return { expired };
}

export const expireClarificationsSweep: Sweep = {
  name: 'expire-clarifications',
  everyMs: 15 * 60_000,
  run: (deps) => run(deps, deps.clock.now()),
};
