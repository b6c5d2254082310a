import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { requests } from '../../db/schema/index.ts';
import { isTerminal, REQUEST_STATUSES } from '../../domain/request-lifecycle.ts';
import { addWorkingTime, type WorkingCalendar } from '../../domain/working-calendar.ts';

// Requests whose clock still matters: not answered, not closed. A paused one keeps its deadline shape.
const CLOCKED = REQUEST_STATUSES.filter((s) => !isTerminal(s) && s !== 'signed');

/**
 * After the calendar changes, every open request's deadline is counted again from its receipt:
 * the allowed working time plus the working time it spent paused.
 */
export async function recomputeDueDates(
  tx: Database,
  calendar: WorkingCalendar,
  allowedMs: number,
): Promise<number> {
  const open = await tx
    .select({
      id: requests.id,
      receivedAt: requests.receivedAt,
      dueAt: requests.dueAt,
      pausedWorkingMs: requests.pausedWorkingMs,
    })
    .from(requests)
    .where(and(inArray(requests.status, CLOCKED), isNotNull(requests.dueAt)));
  let changed = 0;
  for (const r of open) {
    const dueAt = addWorkingTime(r.receivedAt, allowedMs + r.pausedWorkingMs, calendar);
    if (dueAt.getTime() !== r.dueAt?.getTime()) {
      await tx.update(requests).set({ dueAt }).where(eq(requests.id, r.id));
      changed++;
    }
  }
  return changed;
}
