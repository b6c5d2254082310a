import { outboxCleanup } from './outbox-cleanup.ts';
import type { Sweep } from './types.ts';

export type { Sweep } from './types.ts';

/** Every periodic task the scheduler runs. */
export const SWEEPS: readonly Sweep[] = [outboxCleanup];
