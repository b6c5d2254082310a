import type { RequestRow } from '../../db/requests.ts';
import { isClockPaused } from '../../domain/request-lifecycle.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import { clarificationDeadline } from '../staff/expire-clarification.ts';

/** When the requester's answer to a prevención is due (null when none is pending). */
export async function pendingClarificationDeadline(
  deps: Pick<Deps, 'config' | 'db' | 'clock'>,
  request: Pick<RequestRow, 'status' | 'pausedAt'>,
): Promise<Date | null> {
  if (!isClockPaused(request.status) || !request.pausedAt) return null;
  return clarificationDeadline(request.pausedAt, await loadCalendar(deps));
}
