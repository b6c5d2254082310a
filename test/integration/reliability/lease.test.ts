// The outbox lease: short so that a crashed worker's jobs come back quickly, renewed so that a slow
// job is never taken from a live worker (which would run it twice).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import { runDueJobs, startWorker } from '../../../src/jobs/worker.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { fixedClock, testDeps } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { waitFor } from '../../helpers/processes.ts';

describe.each(testEngines())('outbox lease on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    deps = testDeps(handle).deps;
  });
  afterAll(() => handle.close());

  it('a live worker renews the lease of a slow job, so another worker never takes it', async () => {
    // The lease clock is injected and the renewal timer is faked: three lease periods pass in
    // milliseconds, and each renewal is seen before worker b looks.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = fixedClock('2026-03-02T17:00:00Z');
    const d: Deps = { ...deps, clock };
    const leaseMs = 30_000;
    await enqueueJob(d.db, {
      kind: 'test.slow',
      dedupeKey: 'slow:1',
      runAt: new Date(clock.now().getTime() - 1),
      payload: {},
    });
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const handlers = {
      'test.slow': async () => {
        runs++;
        await gate;
      },
    };
    const lockedAt = async () => {
      const [job] = await d.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'slow:1'));
      return job!.lockedAt?.getTime();
    };
    const a = startWorker(d, { handlers, leaseMs, pollMs: 20, workerId: 'a' });
    try {
      await waitFor('worker a to start the job', () => (runs === 1 ? true : undefined));
      const claimedAt = clock.now().getTime();
      let takenByB = 0;
      // Three lease periods, renewed every third of one; without renewal b could take it after one.
      for (let third = 1; third <= 9; third++) {
        clock.advance(leaseMs / 3);
        vi.advanceTimersByTime(leaseMs / 3);
        const now = clock.now().getTime();
        await waitFor('the renewal', async () => ((await lockedAt()) === now ? true : undefined));
        takenByB += await runDueJobs(d, { handlers, leaseMs, workerId: 'b' });
      }
      expect(takenByB).toBe(0);
      const [job] = await d.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'slow:1'));
      expect(job).toMatchObject({ status: 'running', lockedBy: 'a', attempts: 1 });
      expect(job!.lockedAt!.getTime()).toBe(claimedAt + 3 * leaseMs);
    } finally {
      release();
      await a.stop();
      vi.useRealTimers();
    }
    expect(runs).toBe(1);
    const [done] = await d.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'slow:1'));
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
  });
});
