import { enqueueJob } from '../db/outbox.ts';
import type { Deps } from '../services/deps.ts';
import type { Sweep } from './sweeps/index.ts';
import type { JobHandler } from './worker.ts';
import { PermanentJobError } from './worker.ts';

export const SWEEP_RUN = 'sweep.run';

/**
 * Queues each sweep that is due. The dedupe key names the sweep's time window, so several processes
 * ticking at once still queue one job per window, and the worker runs it once.
 */
export async function queueDueSweeps(deps: Deps, sweeps: readonly Sweep[]): Promise<void> {
  const now = deps.clock.now();
  for (const s of sweeps) {
    const window = Math.floor(now.getTime() / s.everyMs);
    await enqueueJob(deps.db, {
      kind: SWEEP_RUN,
      dedupeKey: `sweep:${s.name}:${window}`,
      runAt: now,
      payload: { name: s.name },
    });
  }
}

export function sweepHandler(sweeps: readonly Sweep[]): JobHandler {
  return async (job, { deps }) => {
    const sweep = sweeps.find((s) => s.name === job.payload.name);
    if (!sweep) throw new PermanentJobError(`tarea periódica desconocida: ${String(job.payload.name)}`);
    await sweep.run(deps);
  };
}

export type RunningScheduler = { stop(): void };

/** Ticks every `tickMs` (and once at start), queueing due sweeps. Errors are logged, never thrown. */
export function startScheduler(
  deps: Deps,
  sweeps: readonly Sweep[],
  opts: { tickMs?: number } = {},
): RunningScheduler {
  const tick = () =>
    queueDueSweeps(deps, sweeps).catch((err: unknown) =>
      deps.logger.error({ err: (err as Error).message }, 'scheduler tick failed'),
    );
  void tick();
  const timer = setInterval(tick, opts.tickMs ?? 15_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
