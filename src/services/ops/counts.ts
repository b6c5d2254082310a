import { and, count, eq, gt, lte, min, notInArray, sql } from 'drizzle-orm';
import { type OUTBOX_STATUSES, outboxJobs, requests } from '../../db/schema/index.ts';
import { isTerminal, REQUEST_STATUSES, type RequestStatus } from '../../domain/request-lifecycle.ts';
import { addWorkingTime, nextWorkingInstant } from '../../domain/working-calendar.ts';
import { slaMs } from '../calendar/compute-due-at.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';

// Operational counts read from the database: the SLA gauges of /metrics and the outbox check of /readyz.

/** Statuses after which the clock no longer matters: the lifecycle's terminal ones. */
export const CLOSED_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter(isTerminal);
/** Share of the allowed working time after which a request is "due soon" (as slaState's default). */
const DUE_SOON_SHARE = 0.75;

export type SlaCounts = { open: number; paused: number; dueSoon: number; overdue: number };

/**
 * Open / paused / due soon / overdue counts at `now`, in three queries. Due soon ⇔ the working time
 * left before `dueAt` is at most a quarter of the SLA, i.e. `dueAt` ≤ the instant when that much
 * working time from now has passed (pushed to the next working instant, where the clock stands still).
 */
export async function slaCounts(deps: Pick<Deps, 'db' | 'config' | 'clock'>, now: Date): Promise<SlaCounts> {
  const open = notInArray(requests.status, [...CLOSED_STATUSES]);
  const calendar = await loadCalendar(deps);
  const dueSoonLimit = nextWorkingInstant(
    addWorkingTime(now, slaMs(deps) * (1 - DUE_SOON_SHARE), calendar),
    calendar,
  );
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const limitTs = sql`${dueSoonLimit.toISOString()}::timestamptz`;
  const [row] = await deps.db
    .select({
      open: count(),
      paused: sql<number>`count(*) filter (where ${requests.pausedAt} is not null)`,
      overdue: sql<number>`count(*) filter (where ${requests.pausedAt} is null and ${requests.dueAt} <= ${nowTs})`,
      dueSoon: sql<number>`count(*) filter (where ${requests.pausedAt} is null and ${requests.dueAt} > ${nowTs} and ${requests.dueAt} <= ${limitTs})`,
    })
    .from(requests)
    .where(open);
  return {
    open: Number(row?.open ?? 0),
    paused: Number(row?.paused ?? 0),
    dueSoon: Number(row?.dueSoon ?? 0),
    overdue: Number(row?.overdue ?? 0),
  };
}

export type OutboxCounts = Record<(typeof OUTBOX_STATUSES)[number], number> & {
  retrying: number;
  oldestDuePendingRunAt: Date | null;
};

export async function outboxCounts(deps: Pick<Deps, 'db'>, now: Date): Promise<OutboxCounts> {
  const rows = await deps.db
    .select({ status: outboxJobs.status, n: count() })
    .from(outboxJobs)
    .groupBy(outboxJobs.status);
  const [retry] = await deps.db
    .select({ n: count() })
    .from(outboxJobs)
    .where(and(eq(outboxJobs.status, 'pending'), gt(outboxJobs.attempts, 0)));
  const [oldest] = await deps.db
    .select({ runAt: min(outboxJobs.runAt) })
    .from(outboxJobs)
    .where(and(eq(outboxJobs.status, 'pending'), lte(outboxJobs.runAt, now)));
  const byStatus = new Map(rows.map((r) => [r.status, Number(r.n)]));
  const runAt = oldest?.runAt ?? null;
  return {
    pending: byStatus.get('pending') ?? 0,
    running: byStatus.get('running') ?? 0,
    done: byStatus.get('done') ?? 0,
    dead: byStatus.get('dead') ?? 0,
    retrying: Number(retry?.n ?? 0),
    oldestDuePendingRunAt: runAt ? new Date(runAt) : null,
  };
}
