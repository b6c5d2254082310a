// Issue 12's scale-out on PostgreSQL: 2 web (`start:web`) + 2 worker (`start:worker`) processes under
// a steady load, then an SMTP outage during deliveries. Counted in the database and in the SMTP sink.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppProcess } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/processes.ts';
import { checkDelivery, NO_PROBLEMS, problems, processFixture, startLoad } from './harness.ts';

const tmpl = inject('postgresTemplate');
if (!tmpl)
  console.warn('OMITIDA reliability/multi-process: sin TEST_DATABASE_URL (corre en CI con PostgreSQL)');

async function count(databaseUrl: string, sql: string): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return Number((await c.query(sql)).rows[0].n);
  } finally {
    await c.end();
  }
}

const ACK = `dedupe_key LIKE 'mail:request.acknowledgment:%'`;
const workersThatRanJobs = (url: string) =>
  count(url, `SELECT count(DISTINCT locked_by) AS n FROM outbox_jobs WHERE ${ACK}`);
const failedAcknowledgments = (url: string) =>
  count(
    url,
    `SELECT count(*) AS n FROM outbox_jobs WHERE ${ACK} AND status = 'pending' AND last_error IS NOT NULL`,
  );

describe.skipIf(!tmpl)('2 web + 2 worker processes on one PostgreSQL', () => {
  let fx: Awaited<ReturnType<typeof processFixture>>;
  let webs: AppProcess[] = [];
  beforeAll(async () => {
    fx = await processFixture(tmpl!);
    // The first process creates the development seal in the shared DATA_DIR; then the rest together.
    const first = await fx.group.start({ name: 'web-1', role: 'web', env: fx.env() });
    const rest = await Promise.all([
      fx.group.start({ name: 'web-2', role: 'web', env: fx.env() }),
      fx.group.start({ name: 'worker-1', role: 'worker', env: fx.env() }),
      fx.group.start({ name: 'worker-2', role: 'worker', env: fx.env() }),
    ]);
    webs = [first, rest[0]];
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });

  it('under load: no duplicate folio, no gap, every job once, each e-mail once', {
    timeout: 90_000,
  }, async () => {
    const load = startLoad({ tag: 'multi', targets: () => webs.map((w) => w.url), perSecond: 20, max: 200 });
    const result = await load.finished();
    expect(result.networkErrors).toBe(0);
    expect(result.statuses, fx.group.errors()).toEqual({});
    expect(result.accepted).toHaveLength(200);

    const report = await checkDelivery(fx.db.url, result.accepted, fx.sink.received);
    expect(problems(report), fx.group.logTail()).toEqual(NO_PROBLEMS);
    expect(report.stored).toBe(200);
    expect(report.redeliveries).toBe(0);
    // Both worker processes took part (SKIP LOCKED shared the queue between them).
    expect(await workersThatRanJobs(fx.db.url)).toBe(2);
  });

  it('SMTP down during deliveries, then back: every e-mail arrives, none twice', {
    timeout: 90_000,
  }, async () => {
    const before = fx.sink.received.length;
    await fx.sink.down();
    const load = startLoad({ tag: 'outage', targets: () => webs.map((w) => w.url), perSecond: 10, max: 40 });
    const result = await load.finished();
    expect(result.accepted).toHaveLength(40);
    // Every new acknowledgment was tried and failed: it waits for its retry with the SMTP error kept.
    await waitFor(
      'all 40 deliveries to fail once',
      async () => ((await failedAcknowledgments(fx.db.url)) === 40 ? true : undefined),
      { timeoutMs: 30_000, everyMs: 200 },
    );
    expect(fx.sink.received.length).toBe(before);
    await fx.sink.up();

    const report = await checkDelivery(fx.db.url, result.accepted, fx.sink.received, { timeoutMs: 60_000 });
    expect(problems(report), fx.group.logTail()).toEqual(NO_PROBLEMS);
    expect(report.stored).toBe(240);
    expect(report.redeliveries).toBe(0);
  });
});
