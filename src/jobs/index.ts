import type { Deps } from '../services/deps.ts';
import { jobHandlers } from './handlers/index.ts';
import { startScheduler } from './scheduler.ts';
import { SWEEPS } from './sweeps/index.ts';
import { type RunningWorker, startWorker, type WorkerOptions } from './worker.ts';

export type BackgroundWork = { worker: RunningWorker; stop(): Promise<void> };

/** The outbox worker plus the sweep scheduler, as `npm start` and `npm run start:worker` run them. */
export function startBackgroundWork(deps: Deps, opts: Partial<WorkerOptions> = {}): BackgroundWork {
  const worker = startWorker(deps, { handlers: jobHandlers(), ...opts });
  const scheduler = startScheduler(deps, SWEEPS);
  return {
    worker,
    async stop() {
      scheduler.stop();
      await worker.stop();
    },
  };
}
