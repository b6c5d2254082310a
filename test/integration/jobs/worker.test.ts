import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import { queueDueSweeps, SWEEP_RUN, sweepHandler } from '../../../src/jobs/scheduler.ts';
import type { Sweep } from '../../../src/jobs/sweeps/index.ts';
import {
  backoffMs,
  drainJobs,
  type JobHandlers,
  PermanentJobError,
  runDueJobs,
  startWorker,
} from '../../../src/jobs/worker.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { testEngines } from '../../helpers/db.ts';
import { withTestDeps } from '../../helpers/suite.ts';

async function jobsByKey(deps: Deps, prefix: string) {
  const rows = await deps.db.select().from(outboxJobs).orderBy(outboxJobs.id);
  return rows.filter((r) => r.dedupeKey?.startsWith(prefix));
}

describe.each(testEngines())('outbox worker on %s', (engine) => {
  let deps: Deps;
  withTestDeps(engine, {}, (d) => {
    deps = d;
  });
  beforeEach(async () => {
    await deps.db.delete(outboxJobs);
  });

  const queue = (key: string, kind = 'test.echo', payload: Record<string, unknown> = {}) =>
    enqueueJob(deps.db, { kind, dedupeKey: key, runAt: new Date(Date.now() - 1000), payload });

  it('runs a due job once, passes its payload, and marks it done', async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { 'test.echo': async (job) => void seen.push(job.payload) };
    await queue('a:1', 'test.echo', { n: 1 });
    await queue('a:1', 'test.echo', { n: 2 }); // same dedupe key: still one job
    expect(await drainJobs(deps, { handlers })).toBe(1);
    expect(seen).toEqual([{ n: 1 }]);
    const [job] = await jobsByKey(deps, 'a:');
    expect(job).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(job!.doneAt).toBeInstanceOf(Date);
    expect(await drainJobs(deps, { handlers })).toBe(0);
  });

  it('does not run a job before its run_at', async () => {
    await enqueueJob(deps.db, {
      kind: 'test.echo',
      dedupeKey: 'later:1',
      runAt: new Date(Date.now() + 60_000),
      payload: {},
    });
    expect(await runDueJobs(deps, { handlers: { 'test.echo': async () => {} } })).toBe(0);
  });

  it('retries a failing job with back-off, keeps the error without addresses, then dead-letters it', async () => {
    const handlers: JobHandlers = {
      'test.echo': async () => {
        throw new Error('550 buzón ana@example.org no existe');
      },
    };
    await queue('fail:1');
    const before = Date.now();
    await runDueJobs(deps, { handlers, baseDelayMs: 60_000, maxAttempts: 3 });
    let [job] = await jobsByKey(deps, 'fail:');
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job!.lastError).toContain('no existe');
    expect(job!.lastError).not.toContain('ana@example.org');
    // First retry waits base ± 20 %.
    expect(job!.runAt.getTime() - before).toBeGreaterThanOrEqual(48_000);
    // Make it due again twice: the third failure reaches the cap.
    for (let i = 0; i < 2; i++) {
      await deps.db.update(outboxJobs).set({ runAt: new Date(Date.now() - 1) });
      await runDueJobs(deps, { handlers, baseDelayMs: 60_000, maxAttempts: 3 });
    }
    [job] = await jobsByKey(deps, 'fail:');
    expect(job).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('dead-letters at once a permanent failure and an unknown kind', async () => {
    const handlers: JobHandlers = {
      'test.echo': async () => {
        throw new PermanentJobError('carga inválida');
      },
    };
    await queue('perm:1');
    await queue('perm:2', 'test.nobody-handles-this');
    await drainJobs(deps, { handlers });
    const jobs = await jobsByKey(deps, 'perm:');
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual([
      ['dead', 1],
      ['dead', 1],
    ]);
    expect(jobs[1]!.lastError).toContain('test.nobody-handles-this');
  });

  it('back-off doubles and stops at the cap', () => {
    const fixed = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000, 5000, fixed))).toEqual([1000, 2000, 4000, 5000]);
  });

  // Only PostgreSQL has concurrent claims (FOR UPDATE SKIP LOCKED); PGlite runs one statement at a time.
  it.runIf(engine === 'postgres')(
    'two workers draining the same queue run each job exactly once',
    async () => {
      const runs = new Map<number, number>();
      const handlers: JobHandlers = {
        'test.echo': async (job) => {
          runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
          // Yield so the other worker claims while this batch is in hand.
          await new Promise((r) => setImmediate(r));
        },
      };
      for (let i = 0; i < 60; i++) await queue(`two:${i}`);
      await Promise.all([
        drainJobs(deps, { handlers, workerId: 'w1', batchSize: 4 }),
        drainJobs(deps, { handlers, workerId: 'w2', batchSize: 4 }),
      ]);
      expect(runs.size).toBe(60);
      expect([...runs.values()].every((n) => n === 1)).toBe(true);
      const jobs = await jobsByKey(deps, 'two:');
      expect(jobs.every((j) => j.status === 'done')).toBe(true);
      // Both workers took part (SKIP LOCKED spreads the rows).
      expect(new Set(jobs.map((j) => j.lockedBy)).size).toBe(2);
    },
  );

  it('re-claims a running job whose lease expired (its worker died)', async () => {
    await queue('lease:1');
    await deps.db
      .update(outboxJobs)
      .set({ status: 'running', lockedBy: 'dead-worker', lockedAt: new Date(Date.now() - 10 * 60_000) });
    let ran = 0;
    await drainJobs(deps, { handlers: { 'test.echo': async () => void ran++ }, leaseMs: 60_000 });
    expect(ran).toBe(1);
    expect((await jobsByKey(deps, 'lease:'))[0]).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a worker whose lease was taken over cannot settle the job', async () => {
    await queue('stale:1');
    const handlers: JobHandlers = {
      'test.echo': async (job) => {
        // Another worker takes the job over while this one is still busy.
        await deps.db.update(outboxJobs).set({ lockedBy: 'other' }).where(eq(outboxJobs.id, job.id));
      },
    };
    await runDueJobs(deps, { handlers, workerId: 'slow' });
    expect((await jobsByKey(deps, 'stale:'))[0]).toMatchObject({ status: 'running', lockedBy: 'other' });
  });

  it('the loop picks up new jobs and stop() waits for the job in hand', async () => {
    let finished = 0;
    let started!: () => void;
    const startedP = new Promise<void>((r) => {
      started = r;
    });
    let finish!: () => void;
    const gate = new Promise<void>((r) => {
      finish = r;
    });
    const handlers: JobHandlers = {
      'test.echo': async () => {
        started();
        await gate;
        finished++;
      },
    };
    const worker = startWorker(deps, { handlers, pollMs: 20 });
    await queue('loop:1');
    worker.wake();
    await startedP;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(finished).toBe(1);
    expect((await jobsByKey(deps, 'loop:'))[0]!.status).toBe('done');
  });

  it.runIf(engine === 'pglite')(
    'on PGlite (one process) a job left running by a crash runs again at start',
    async () => {
      await queue('crash:1');
      await deps.db.update(outboxJobs).set({ status: 'running', lockedBy: 'crashed', lockedAt: new Date() });
      let ran = 0;
      let ranOnce!: () => void;
      const first = new Promise<void>((r) => {
        ranOnce = r;
      });
      const handlers: JobHandlers = {
        'test.echo': async () => {
          ran++;
          ranOnce();
        },
      };
      const worker = startWorker(deps, { handlers, pollMs: 10 });
      await first;
      await worker.stop();
      expect(ran).toBe(1);
      expect((await jobsByKey(deps, 'crash:'))[0]!.status).toBe('done');
    },
  );

  it('a job that hangs holds one slot, not the queue', async () => {
    let release!: () => void;
    const hanging = new Promise<void>((r) => {
      release = r;
    });
    const done: string[] = [];
    let fourDone!: () => void;
    const others = new Promise<void>((r) => {
      fourDone = r;
    });
    const handlers: JobHandlers = {
      'test.hang': async () => {
        await hanging;
        done.push('hang');
      },
      'test.echo': async (job) => {
        done.push(String(job.dedupeKey));
        if (done.length === 4) fourDone();
      },
    };
    await queue('pool:0', 'test.hang');
    for (let i = 1; i <= 4; i++) await queue(`pool:${i}`);
    const worker = startWorker(deps, { handlers, batchSize: 2, pollMs: 10 });
    // The four quick jobs finish through the one free slot while the hanging one holds the other.
    await others;
    expect(done.sort()).toEqual(['pool:1', 'pool:2', 'pool:3', 'pool:4']);
    release();
    await worker.stop();
    expect(done).toContain('hang');
    expect((await jobsByKey(deps, 'pool:')).every((j) => j.status === 'done')).toBe(true);
  });

  it('queues each sweep once per window, even when ticked twice, and runs it', async () => {
    let runs = 0;
    const sweeps: Sweep[] = [{ name: 'probe', everyMs: 3600_000, run: async () => void runs++ }];
    await queueDueSweeps(deps, sweeps);
    await queueDueSweeps(deps, sweeps);
    const queued = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, SWEEP_RUN));
    expect(queued).toHaveLength(1);
    await drainJobs(deps, { handlers: { [SWEEP_RUN]: sweepHandler(sweeps) } });
    expect(runs).toBe(1);
    const [{ n }] = (
      (await deps.db.execute(
        sql`SELECT count(*)::int AS n FROM outbox_jobs WHERE status = 'done'`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows as [{ n: number }];
    expect(n).toBe(1);
  });
});
