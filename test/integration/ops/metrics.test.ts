import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { outboxJobs, requests } from '../../../src/db/schema/index.ts';
import { slaState } from '../../../src/domain/working-calendar.ts';
import { slaMs } from '../../../src/services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../../src/services/calendar/load-calendar.ts';
import { CLOSED_STATUSES } from '../../../src/services/ops/counts.ts';
import { autoAnswerDuration } from '../../../src/services/ops/metrics.ts';
import { opsApp } from '../../../src/web/ops-routes.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';

const LOCAL = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const REMOTE = { incoming: { socket: { remoteAddress: '203.0.113.9' } } };
const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of an unlabelled (or exactly labelled) series in Prometheus text format. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(testEngines())('/metrics on %s', (engine) => {
  let handle: DatabaseHandle;
  const clock = fixedClock('2026-11-25T18:00:00Z'); // Wednesday 12:00 in Mexico City

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  describe('access', () => {
    it('without METRICS_TOKEN: direct requests from this machine only', async () => {
      const { app } = testApp(handle);
      expect((await app.request('/metrics', {}, LOCAL)).status).toBe(200);
      expect((await app.request('/metrics', {}, REMOTE)).status).toBe(403);
      expect((await app.request('/metrics')).status).toBe(403);
      // A reverse proxy on the same host connects from localhost: relayed requests are refused.
      const relayed = await app.request(
        '/metrics',
        { headers: { 'X-Forwarded-For': '198.51.100.7' } },
        LOCAL,
      );
      expect(relayed.status).toBe(403);
    });

    it('with METRICS_TOKEN: the bearer token, from anywhere', async () => {
      const { app } = testApp(handle, { config: testConfig({ METRICS_TOKEN: TOKEN }) });
      expect((await app.request('/metrics', {}, LOCAL)).status).toBe(401);
      const wrong = await app.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN}x` } }, REMOTE);
      expect(wrong.status).toBe(401);
      const right = await app.request('/metrics', { headers: { Authorization: `Bearer ${TOKEN}` } }, REMOTE);
      expect(right.status).toBe(200);
      expect(right.headers.get('content-type')).toContain('text/plain');
    });
  });

  it('exposes HTTP latency and counts by route pattern, never the raw path', async () => {
    const { app } = testApp(handle);
    await app.request('/healthz');
    await app.request('/healthz');
    await app.request('/solicitud/COESPO-2026-000001/acceso/token-secreto-123?email=persona@example.org');
    const text = await (await app.request('/metrics', {}, LOCAL)).text();
    expect(text).toContain('# TYPE dato_http_request_duration_seconds histogram');
    expect(text).toMatch(
      /dato_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/healthz"\}/,
    );
    expect(
      sample(text, 'dato_http_requests_total{method="GET",route="/healthz",status="200"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/dato_http_requests_total\{method="GET",route="unmatched",status="404"\} \d/);
    expect(text).not.toContain('token-secreto-123');
    expect(text).not.toContain('persona@example.org');
  });

  it('exposes the auto-answer duration histogram others observe into', async () => {
    const { app } = testApp(handle);
    autoAnswerDuration.observe({ outcome: 'answered' }, 0.42);
    const text = await (await app.request('/metrics', {}, LOCAL)).text();
    expect(text).toContain('# TYPE dato_auto_answer_duration_seconds histogram');
    expect(
      sample(text, 'dato_auto_answer_duration_seconds_count{outcome="answered"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('computes the SLA gauges from the requests table at scrape time, as slaState would', async () => {
    const { app, deps } = testApp(handle, { clock });
    await handle.db.delete(requests);
    const now = clock.now();
    const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
    // Due times from long overdue to far ahead, a paused one, and closed ones that never count.
    for (const h of [-30, -1, 0.5, 3, 8, 20, 30, 70, 200])
      await aRequest(handle.db, { receivedAt: hours(-5), dueAt: hours(h), status: 'in_review' });
    await aRequest(handle.db, { status: 'clarification_requested', dueAt: hours(-10), pausedAt: hours(-20) });
    await aRequest(handle.db, { status: 'delivered', dueAt: hours(-50) });
    await aRequest(handle.db, { status: 'cancelled', dueAt: hours(1) });

    const rows = await handle.db.select().from(requests);
    const calendar = await loadCalendar(deps);
    const open = rows.filter((r) => !CLOSED_STATUSES.includes(r.status));
    const running = open.filter((r) => r.pausedAt === null && r.dueAt !== null);
    const states = running.map((r) => slaState(now, r.dueAt!, slaMs(deps), calendar));
    const expected = {
      open: open.length,
      dueSoon: states.filter((s) => s === 'due_soon').length,
      overdue: states.filter((s) => s === 'overdue').length,
    };
    // The data must exercise every state, or this test proves nothing.
    expect(expected.dueSoon).toBeGreaterThan(0);
    expect(expected.overdue).toBeGreaterThan(0);
    expect(states).toContain('on_time');

    const text = await (await app.request('/metrics', {}, LOCAL)).text();
    expect(sample(text, 'dato_requests_open')).toBe(expected.open);
    expect(sample(text, 'dato_requests_due_soon')).toBe(expected.dueSoon);
    expect(sample(text, 'dato_requests_overdue')).toBe(expected.overdue);
    expect(sample(text, 'dato_requests_paused')).toBe(1);
  });

  it('reports the outbox depth and failures by status', async () => {
    const { app } = testApp(handle, { clock });
    await handle.db.delete(outboxJobs);
    const now = clock.now();
    for (let i = 0; i < 3; i++)
      await enqueueJob(handle.db, {
        kind: 'test.noop',
        payload: { i },
        runAt: new Date(now.getTime() - 120_000),
      });
    await enqueueJob(handle.db, { kind: 'test.noop', payload: {}, dedupeKey: 'dead-1', runAt: now });
    await enqueueJob(handle.db, { kind: 'test.noop', payload: {}, dedupeKey: 'done-1', runAt: now });
    await handle.db.execute(
      sql`UPDATE outbox_jobs SET status = 'dead', attempts = 5 WHERE dedupe_key = 'dead-1'`,
    );
    await handle.db.execute(sql`UPDATE outbox_jobs SET status = 'done' WHERE dedupe_key = 'done-1'`);
    await handle.db.execute(sql`UPDATE outbox_jobs SET attempts = 1 WHERE payload->>'i' = '0'`);

    const text = await (await app.request('/metrics', {}, LOCAL)).text();
    expect(sample(text, 'dato_outbox_jobs{status="pending"}')).toBe(3);
    expect(sample(text, 'dato_outbox_jobs{status="dead"}')).toBe(1);
    expect(sample(text, 'dato_outbox_jobs{status="done"}')).toBe(1);
    expect(sample(text, 'dato_outbox_jobs{status="running"}')).toBe(0);
    expect(sample(text, 'dato_outbox_depth')).toBe(3);
    expect(sample(text, 'dato_outbox_failed_jobs')).toBe(1);
    expect(sample(text, 'dato_outbox_retrying_jobs')).toBe(1);
    expect(sample(text, 'dato_outbox_oldest_pending_seconds')).toBe(120);
  });
});

describe.each(testEngines())('the worker-only ops app on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('serves /healthz, /readyz and /metrics, and nothing of the web app', async () => {
    const { deps } = testApp(handle);
    const ops = opsApp(deps);
    expect((await ops.request('/healthz')).status).toBe(200);
    expect((await ops.request('/readyz')).status).toBe(200);
    const metrics = await ops.request('/metrics', {}, LOCAL);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('dato_auto_answer_duration_seconds');
    expect((await ops.request('/metrics', {}, REMOTE)).status).toBe(403);
    expect((await ops.request('/')).status).toBe(404);
  });
});
