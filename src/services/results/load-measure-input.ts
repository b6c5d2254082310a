import { createHash } from 'node:crypto';
import { and, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { requestEvents, requests, satisfactionSurveys } from '../../db/schema/index.ts';
import { normalizeEmail } from '../../domain/email.ts';
import type {
  MeasureEvent,
  MeasureInput,
  MeasureRequest,
  MeasureSurvey,
} from '../../domain/service-measures.ts';
import { slaMs } from '../calendar/compute-due-at.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';

// A day of margin on each side of the year: month boundaries are local (Mexico City) times.
const DAY_MS = 86_400_000;

/** Pseudonymous requester key: the measures count distinct people without seeing their e-mail. */
function requesterKey(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

/**
 * Everything the measures of `year` (and the year before) need: every request received up to the
 * end of the year (earlier ones tell new from returning requesters and what was still open), their
 * status changes, the survey answers of both years, and the working calendar.
 */
export async function loadMeasureInput(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  year: number,
): Promise<Omit<MeasureInput, 'year' | 'fromMonth' | 'toMonth' | 'sector'>> {
  const until = new Date(Date.UTC(year + 1, 0, 1) + DAY_MS);
  const since = new Date(Date.UTC(year - 1, 0, 1) - DAY_MS);
  const rows = await deps.db
    .select({
      id: requests.id,
      receivedAt: requests.receivedAt,
      email: requests.requesterEmail,
      sector: requests.requesterSector,
      indicators: requests.indicators,
      geo: requests.geo,
      answeredBy: requests.answeredBy,
      status: requests.status,
      closedAt: requests.closedAt,
      deliveredAt: requests.deliveredAt,
    })
    .from(requests)
    .where(lt(requests.receivedAt, until));
  const eventRows = await deps.db
    .select({ requestId: requestEvents.requestId, at: requestEvents.at, toStatus: requestEvents.toStatus })
    .from(requestEvents)
    .where(
      and(
        isNotNull(requestEvents.toStatus),
        inArray(
          requestEvents.requestId,
          deps.db.select({ id: requests.id }).from(requests).where(lt(requests.receivedAt, until)),
        ),
      ),
    );
  const surveyRows = await deps.db
    .select()
    .from(satisfactionSurveys)
    .where(and(gte(satisfactionSurveys.submittedAt, since), lt(satisfactionSurveys.submittedAt, until)));

  const measureRequests: MeasureRequest[] = rows.map((r) => ({
    id: r.id,
    receivedAt: r.receivedAt,
    requesterKey: requesterKey(r.email),
    sector: r.sector,
    indicators: r.indicators,
    geo: r.geo,
    answeredBy: r.answeredBy,
    status: r.status,
    closedAt: r.status === 'delivered' ? (r.deliveredAt ?? r.closedAt) : r.closedAt,
  }));
  const events: MeasureEvent[] = eventRows.map((e) => ({
    requestId: e.requestId,
    at: e.at,
    toStatus: e.toStatus,
  }));
  const surveys: MeasureSurvey[] = surveyRows.map((s) => ({
    requestId: s.requestId,
    submittedAt: s.submittedAt,
    answered: s.answered,
    ease: s.ease,
    hasComment: Boolean(s.comment?.trim()),
  }));
  // loadCalendar keeps declared rest days from two years before "now": anchor it to the asked year.
  const anchor = {
    now: () => new Date(Date.UTC(Math.min(year, deps.clock.now().getUTCFullYear()) + 1, 0, 1)),
  };
  const calendar = await loadCalendar({ ...deps, clock: anchor });
  return { requests: measureRequests, events, surveys, calendar, slaMs: slaMs(deps), now: deps.clock.now() };
}
