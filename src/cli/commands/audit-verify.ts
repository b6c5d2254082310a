import { SYSTEM } from '../../domain/actor.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.ts';
import type { Command } from '../command.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Verifica la cadena de hashes de la bitácora de auditoría e indica el primer registro roto',
  usage: 'audit verify',
  needsDatabase: true,
  async run({ runtime, out }) {
    const report = await verifyAuditChain(runtime!.deps, SYSTEM);
    if (report.firstBrokenId === null) {
      out(`Bitácora íntegra: ${report.checked} registros verificados.`);
      return 0;
    }
    out(
      `Bitácora ALTERADA: el registro ${report.firstBrokenId} no coincide con la cadena ` +
        `(verificados ${report.checked}). Los registros desde ese id no son confiables.`,
    );
    return 1;
  },
};
