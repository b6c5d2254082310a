import { and, eq, isNotNull } from 'drizzle-orm';
import type { RequestRow } from '../../db/requests.ts';
import { requests } from '../../db/schema/index.ts';
import { SYSTEM } from '../../domain/actor.ts';
import { ConflictError } from '../../domain/errors.ts';
import { isClockPaused } from '../../domain/request-lifecycle.ts';
import { addWorkingTime, type WorkingCalendar } from '../../domain/working-calendar.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import { commitTransition, statusChangedMail } from './transitions.ts';

/** A prevención not answered within this many working days concludes the request. */
export const CLARIFICATION_WORKING_DAYS = 10;

/** When a clarification asked at `pausedAt` lapses: ten full working days (of office hours) later. */
export function clarificationDeadline(pausedAt: Date, calendar: WorkingCalendar): Date {
  const [sh, sm] = calendar.officeHours.start.split(':').map(Number);
  const [eh, em] = calendar.officeHours.end.split(':').map(Number);
  const dayMs = (eh! * 60 + em! - (sh! * 60 + sm!)) * 60_000;
  return addWorkingTime(pausedAt, CLARIFICATION_WORKING_DAYS * dayMs, calendar);
}

/**
 * Concludes a request whose prevención went unanswered (run by the expire-clarifications sweep, as
 * the system). Returns false when it is not due yet or already moved on.
 */
export async function expireClarification(
  deps: Deps,
  req: RequestRow,
  calendar: WorkingCalendar,
  now: Date,
): Promise<boolean> {
  if (!isClockPaused(req.status) || !req.pausedAt) return false;
  if (clarificationDeadline(req.pausedAt, calendar) > now) return false;
  await deps.db.transaction(async (tx) =>
    commitTransition(tx, deps, SYSTEM, req, 'expire_clarification', {
      now,
      changes: { closedAt: now },
      mail: await statusChangedMail(tx, deps, req, now, 'expired'),
    }),
  );
  return true;
}

/**
 * Concludes every request whose prevención went unanswered for 10 working days (the
 * expire-clarifications sweep). A request the requester answered meanwhile has moved on: the status
 * check makes that one a no-op.
 */
export async function expireOverdueClarifications(deps: Deps, now: Date): Promise<{ expired: number }> {
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
