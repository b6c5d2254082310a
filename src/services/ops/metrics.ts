import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { OUTBOX_STATUSES } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { outboxCounts, slaCounts } from './counts.ts';

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

/** Reads the database gauges afresh (at scrape time, so every process reports the same truth). */
export async function refreshDatabaseGauges(deps: Deps): Promise<void> {
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
