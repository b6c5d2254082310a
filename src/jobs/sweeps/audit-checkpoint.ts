import { writeAuditCheckpoint } from '../../services/audit/write-audit-checkpoint.ts';
import type { Sweep } from './types.ts';

/**
 * Every hour, the head of the audit chain is signed with the seal into a checkpoint: deleting the last
 * rows of the log afterwards no longer matches it (`audit verify` reports the truncation).
 */
export const auditCheckpointSweep: Sweep = {
  name: 'audit-checkpoint',
  everyMs: 3600_000,
  async run(deps) {
    try {
      const checkpoint = await writeAuditCheckpoint(deps);
      // A copy outside the database: the logs show a checkpoint later deleted from its table.
      if (checkpoint) deps.logger.info({ checkpoint }, 'Punto de control de la bitácora firmado');
      return checkpoint;
    } catch (err) {
      // Without a seal there is nothing to sign with; the rows stay keyed, the next run tries again.
      deps.logger.warn({ err }, 'No se pudo firmar el punto de control de la bitácora');
      return null;
    }
  },
};
