import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type ClaimedJob,
  claimDueJobs,
  releaseRunningJobs,
  renewJobLeases,
  settleJob,
} from '../db/outbox.ts';
import type { Deps } from '../services/deps.ts';

export type { ClaimedJob } from '../db/outbox.ts';

export type JobContext = { deps: Deps; workerId: string };

/**
 * Performs one job. Must be idempotent: a job can run again after a crash between doing the work and
 * recording it done. Throw to retry later; throw PermanentJobError when retrying cannot help.
 */
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void>;

/** The handlers registry: one handler per job `kind`. */
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** A failure that no retry will fix (bad payload, unknown template): the job goes to dead-letter. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export type WorkerOptions = {
  handlers: JobHandlers;
  /** Jobs claimed per round. */
  batchSize?: number;
  /** Sleep between empty polls. */
  pollMs?: number;
  /** Back-off after the n-th failed attempt: base·2^(n-1), capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many attempts the job is dead (visible to admin, "reintentar"). */
  maxAttempts?: number;
  /**
   * A running job whose worker vanished (kill -9) is claimable again after this long. While a job runs
   * its worker renews the lease every leaseMs/3, so a slow job is never taken from a live worker.
   */
  leaseMs?: number;
  workerId?: string;
};

export const WORKER_DEFAULTS = {
  batchSize: 8,
  pollMs: 200,
  baseDelayMs: 5_000,
  maxDelayMs: 30 * 60_000,
  maxAttempts: 10,
  // Short, because it is renewed: after a crash on PostgreSQL the jobs in hand wait ≤ 30 s, not 5 min.
  leaseMs: 30_000,
} as const;

/** Delay before attempt n+1 after n failures, with ±20 % jitter so retries from many jobs spread out. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

// Error text kept on the job for the admin page; addresses out (SMTP replies often quote them).
function describeError(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '[correo]').slice(0, 1000);
}

type Resolved = Required<Omit<WorkerOptions, 'handlers'>> & { handlers: JobHandlers };

function resolve(opts: WorkerOptions): Resolved {
  return {
    ...WORKER_DEFAULTS,
    workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    handlers: opts.handlers,
  } as Resolved;
}

const claim = (deps: Deps, o: Resolved) =>
  claimDueJobs(deps.db, {
    now: deps.clock.now(),
    leaseMs: o.leaseMs,
    batchSize: o.batchSize,
    workerId: o.workerId,
  });

async function runJob(deps: Deps, o: Resolved, job: ClaimedJob): Promise<void> {
  const handler = o.handlers[job.kind];
  const started = performance.now();
  try {
    if (!handler) throw new PermanentJobError(`no hay manejador para el tipo de tarea «${job.kind}»`);
    await handler(job, { deps, workerId: o.workerId });
    await settleJob(deps.db, job.id, o.workerId, { status: 'done', at: deps.clock.now() });
    deps.logger.info(
      { job: job.id, kind: job.kind, attempt: job.attempts, ms: Math.round(performance.now() - started) },
      'job done',
    );
  } catch (err) {
    const dead = err instanceof PermanentJobError || job.attempts >= o.maxAttempts;
    const lastError = describeError(err);
    const now = deps.clock.now();
    await settleJob(
      deps.db,
      job.id,
      o.workerId,
      dead
        ? { status: 'dead', lastError }
        : {
            status: 'pending',
            lastError,
            runAt: new Date(now.getTime() + backoffMs(job.attempts, o.baseDelayMs, o.maxDelayMs)),
          },
    );
    deps.logger[dead ? 'error' : 'warn'](
      { job: job.id, kind: job.kind, attempt: job.attempts, error: lastError },
      dead ? 'job dead' : 'job failed, will retry',
    );
  }
}

/** Keeps the lease of the jobs still in hand fresh until `stop()`. */
function renewLeases(deps: Deps, o: Resolved, held: Set<number>): () => void {
  const timer = setInterval(
    () => {
      if (held.size === 0) return;
      void renewJobLeases(deps.db, [...held], o.workerId, deps.clock.now()).catch((err: unknown) =>
        deps.logger.warn({ err: describeError(err) }, 'outbox lease renewal failed'),
      );
    },
    Math.max(10, Math.floor(o.leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/** Claims and runs one batch of due jobs; returns how many it ran. */
export async function runDueJobs(deps: Deps, opts: WorkerOptions): Promise<number> {
  const o = resolve(opts);
  const jobs = await claim(deps, o);
  if (jobs.length === 0) return 0;
  const held = new Set(jobs.map((j) => j.id));
  const stopRenewing = renewLeases(deps, o, held);
  try {
    await Promise.all(jobs.map((j) => runJob(deps, o, j).finally(() => held.delete(j.id))));
  } finally {
    stopRenewing();
  }
  return jobs.length;
}

/** Runs batches until nothing is due (tests, CLI). */
export async function drainJobs(deps: Deps, opts: WorkerOptions, maxRounds = 1000): Promise<number> {
  const o = resolve(opts);
  let total = 0;
  for (let i = 0; i < maxRounds; i++) {
    const n = await runDueJobs(deps, o);
    if (n === 0) break;
    total += n;
  }
  return total;
}

export type RunningWorker = {
  workerId: string;
  /** Poll now instead of waiting for the next tick (after an in-process enqueue). */
  wake(): void;
  /** Stops claiming, waits for the jobs in hand to finish (graceful shutdown). */
  stop(): Promise<void>;
};

/** The worker loop: claim → run → settle, sleeping `pollMs` when nothing is due. Never throws. */
export function startWorker(deps: Deps, opts: WorkerOptions): RunningWorker {
  const o = resolve(opts);
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((res) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        res();
      }
      wakeUp = done;
    });

  const loop = (async () => {
    // PGlite has one process: whatever is 'running' was cut short by a crash and can run again now.
    if (deps.dbKind === 'pglite') {
      await releaseRunningJobs(deps.db).catch((err: unknown) =>
        deps.logger.error({ err: describeError(err) }, 'outbox recovery failed'),
      );
    }
    // A pool of `batchSize` slots: a slow job (an SMTP server that hangs) holds one slot, not the queue.
    const inFlight = new Set<Promise<void>>();
    const held = new Set<number>();
    const stopRenewing = renewLeases(deps, o, held);
    let failures = 0;
    while (!stopping) {
      try {
        const free = o.batchSize - inFlight.size;
        const jobs = free > 0 ? await claim(deps, { ...o, batchSize: free }) : [];
        failures = 0;
        for (const job of jobs) {
          held.add(job.id);
          const running: Promise<void> = runJob(deps, o, job)
            .catch((err: unknown) =>
              deps.logger.error({ job: job.id, err: describeError(err) }, 'job not settled'),
            )
            .finally(() => {
              held.delete(job.id);
              inFlight.delete(running);
              wakeUp?.();
            });
          inFlight.add(running);
        }
        // Nothing due, or every slot busy: wait for the next poll or a finished job.
        if ((jobs.length === 0 || inFlight.size >= o.batchSize) && !stopping) await sleep(o.pollMs);
      } catch (err) {
        // Database unreachable or similar: log, back off, keep going; nothing is lost (jobs stay queued).
        failures += 1;
        deps.logger.error({ err: describeError(err), workerId: o.workerId }, 'worker poll failed');
        if (!stopping) await sleep(Math.min(30_000, o.pollMs * 2 ** Math.min(failures, 8)));
      }
    }
    await Promise.all(inFlight);
    stopRenewing();
  })();

  deps.logger.info({ workerId: o.workerId }, 'outbox worker started');
  return {
    workerId: o.workerId,
    wake: () => wakeUp?.(),
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
      deps.logger.info({ workerId: o.workerId }, 'outbox worker stopped');
    },
  };
}
