import { auditCheckpointSweep } from './audit-checkpoint.ts';
import { expireClarificationsSweep } from './expire-clarifications.ts';
import { outboxCleanup } from './outbox-cleanup.ts';
import { publishAnswersSweep, retentionSweep } from './retention.ts';
import { slaAlertsSweep } from './sla-alerts.ts';
import type { Sweep } from './types.ts';

export type { Sweep } from './types.ts';

/** Every periodic task the scheduler runs. */
export const SWEEPS: readonly Sweep[] = [
  outboxCleanup,
  slaAlertsSweep,
  expireClarificationsSweep,
  retentionSweep,
  publishAnswersSweep,
  auditCheckpointSweep,
];
