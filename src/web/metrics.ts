import { timingSafeEqual } from 'node:crypto';
import { and, count, eq, gt, lte, min, notInArray, sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OUTBOX_STATUSES, outboxJobs, requests } from '../db/schema/index.ts';
import type { RequestStatus } from '../domain/request-lifecycle.ts';
import { addWorkingTime, nextWorkingInstant } from '../domain/working-calendar.ts';
import { slaMs } from '../services/calendar/compute-due-at.ts';
import { loadCalendar } from '../services/calendar/load-calendar.ts';
import type { Deps } from '../services/deps.ts';
import type { AppEnv } from './context.ts';

/**
 * The process's Prometheus registry. Other areas observe into the metrics exported here (e.g.
 * `autoAnswerDuration.startTimer()`), or register their own with `registers: [metricsRegistry]`.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'dato_' });

export const httpRequestDuration = new Histogram({
  name: 'dato_http_request_duration_seconds',
  help: 'HTTP request latency by route pattern (never the raw path).',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const httpRequests = new Counter({
  name: 'dato_http_requests_total',
  help: 'HTTP requests answered, by route pattern and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

/** Time from picking up a `request.auto_answer` job to its end; outcome e.g. answered, referred, failed. */
export const autoAnswerDuration = new Histogram({
  name: 'dato_auto_answer_duration_seconds',
  help: 'Duration of automatic-answer attempts, by outcome.',
  labelNames: ['outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
  registers: [metricsRegistry],
});

// Gauges read from the database at scrape time, so every web process reports the same truth.
const requestsOpen = new Gauge({
  name: 'dato_requests_open',
  help: 'Requests not yet closed (any status but delivered, rejected, cancelled, expired).',
  registers: [metricsRegistry],
});
const requestsDueSoon = new Gauge({
  name: 'dato_requests_due_soon',
  help: 'Open requests with the clock running and at most a quarter of the working time left.',
  registers: [metricsRegistry],
});
const requestsOverdue = new Gauge({
  name: 'dato_requests_overdue',
  help: 'Open requests with the clock running and past their due time.',
  registers: [metricsRegistry],
});
const requestsPaused = new Gauge({
  name: 'dato_requests_paused',
  help: 'Open requests whose clock is stopped (waiting for a clarification).',
  registers: [metricsRegistry],
});
const outboxJobsByStatus = new Gauge({
  name: 'dato_outbox_jobs',
  help: 'Outbox jobs by status (pending, running, done, dead).',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});
const outboxDepth = new Gauge({
  name: 'dato_outbox_depth',
  help: 'Outbox jobs waiting to run or running.',
  registers: [metricsRegistry],
});
const outboxFailures = new Gauge({
  name: 'dato_outbox_failed_jobs',
  help: 'Outbox jobs given up after their retries (dead).',
  registers: [metricsRegistry],
});
const outboxRetrying = new Gauge({
  name: 'dato_outbox_retrying_jobs',
  help: 'Pending outbox jobs that failed at least once and wait for a retry.',
  registers: [metricsRegistry],
});
const outboxOldestPending = new Gauge({
  name: 'dato_outbox_oldest_pending_seconds',
  help: 'How long the oldest due pending job has waited past its run time (0 when none).',
  registers: [metricsRegistry],
});

/** Statuses after which the clock no longer matters. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['delivered', 'rejected', 'cancelled', 'expired'];
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

async function refreshDatabaseGauges(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const sla = await slaCounts(deps, now);
  requestsOpen.set(sla.open);
  requestsPaused.set(sla.paused);
  requestsDueSoon.set(sla.dueSoon);
  requestsOverdue.set(sla.overdue);
  const outbox = await outboxCounts(deps, now);
  for (const status of OUTBOX_STATUSES) outboxJobsByStatus.set({ status }, outbox[status]);
  outboxDepth.set(outbox.pending + outbox.running);
  outboxFailures.set(outbox.dead);
  outboxRetrying.set(outbox.retrying);
  outboxOldestPending.set(
    outbox.oldestDuePendingRunAt
      ? Math.max(0, (now.getTime() - outbox.oldestDuePendingRunAt.getTime()) / 1000)
      : 0,
  );
}

/**
 * The route pattern that answered (`/consulta/:folio`), never the raw path: paths can carry tokens
 * and unbounded label values would swamp Prometheus. `unmatched` when only a middleware answered.
 */
export function routeLabel(c: Context): string {
  const path = routePath(c);
  return path === '/*' || path === '*' ? 'unmatched' : path;
}

/** Observes every request's latency and status. Mounted first so it sees everything. */
export function httpMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = routeLabel(c);
      const method = c.req.method;
      httpRequestDuration.observe({ method, route }, (performance.now() - started) / 1000);
      httpRequests.inc({ method, route, status: String(c.res.status) });
    }
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function remoteAddress(c: Context<AppEnv>): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With METRICS_TOKEN: `Authorization: Bearer <token>` only. Without it: direct connections from
 * this machine only — a request relayed by a proxy (X-Forwarded-For / Forwarded) is refused even
 * though it arrives from localhost.
 */
function mayScrape(c: Context<AppEnv>): boolean {
  const token = c.var.deps.config.metricsToken;
  if (token) {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m !== null && sameToken(m[1]!, token);
  }
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip')) return false;
  const addr = remoteAddress(c);
  return addr !== undefined && LOOPBACK.has(addr);
}

export const metricsRoutes = new Hono<AppEnv>().get('/metrics', async (c) => {
  if (!mayScrape(c)) {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    return c.text(c.var.t('error.forbidden'), c.var.deps.config.metricsToken ? 401 : 403);
  }
  const deps = c.var.deps;
  try {
    await refreshDatabaseGauges(deps);
  } catch (err) {
    // Still serve the process metrics; the database gauges keep their last values.
    deps.logger.warn({ err: (err as Error).message }, 'metrics: database gauges not refreshed');
  }
  c.header('Content-Type', metricsRegistry.contentType);
  return c.body(await metricsRegistry.metrics());
});
