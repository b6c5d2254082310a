// The outbox lease: short so that a crashed worker's jobs come back quickly, renewed so that a slow
// job is never taken from a live worker (which would run it twice).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import { runDueJobs, startWorker } from '../../../src/jobs/worker.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { testDeps } from '../../helpers/app.ts';
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
    const leaseMs = 1_000;
    await enqueueJob(deps.db, {
      kind: 'test.slow',
      dedupeKey: 'slow:1',
      runAt: new Date(Date.now() - 1),
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
    const a = startWorker(deps, { handlers, leaseMs, pollMs: 20, workerId: 'a' });
    try {
      await waitFor('worker a to start the job', () => (runs === 1 ? true : undefined));
      const claimedAt = Date.now();
      // Worker b polls for three lease periods while a is still busy.
      let takenByB = 0;
      await waitFor(
        'three lease periods',
        async () => {
          takenByB += await runDueJobs(deps, { handlers, leaseMs, workerId: 'b' });
          return Date.now() - claimedAt > 3 * leaseMs ? true : undefined;
        },
        { timeoutMs: 20_000, everyMs: 50 },
      );
      expect(takenByB).toBe(0);
      const [job] = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'slow:1'));
      expect(job).toMatchObject({ status: 'running', lockedBy: 'a', attempts: 1 });
      expect(job!.lockedAt!.getTime()).toBeGreaterThan(claimedAt);
    } finally {
      release();
      await a.stop();
    }
    expect(runs).toBe(1);
    const [done] = await deps.db.select().from(outboxJobs).where(eq(outboxJobs.dedupeKey, 'slow:1'));
    expect(done).toMatchObject({ status: 'done', attempts: 1 });
  });
});
