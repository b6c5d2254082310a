import type { Deps } from '../../services/deps.ts';

/**
 * A periodic task (SLA alerts, expiring clarifications, clean-up). The scheduler queues it as an outbox
 * job once per `everyMs` window, so with several worker processes it still runs once per window.
 */
export type Sweep = {
  name: string;
  everyMs: number;
  run(deps: Deps): Promise<unknown>;
};
