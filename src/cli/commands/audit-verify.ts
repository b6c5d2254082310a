import { SYSTEM } from '../../domain/actor.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { translate } from '../../i18n/index.ts';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.ts';
import type { Command } from '../command.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary:
    'Verifica la bitácora de auditoría (cadena con llave y puntos de control firmados): registros alterados o borrados',
  usage: 'audit verify',
  needsDatabase: true,
  async run({ runtime, out }) {
    const deps = runtime!.deps;
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate('es-MX', key, params);
    const when = (d: Date) => formatDateTime(d, 'es-MX', deps.config.agency.timezone);
    const r = await verifyAuditChain(deps, SYSTEM);
    if (r.firstBrokenId !== null) out(t('audit.verify.broken', { id: r.firstBrokenId, checked: r.checked }));
    if (r.truncated)
      out(
        t('audit.verify.truncated', {
          at: when(r.truncated.at),
          expected: r.truncated.rowCount,
          lastId: r.truncated.lastId,
          now: r.truncated.rowsNow,
        }),
      );
    if (r.rewritten)
      out(t('audit.verify.rewritten', { at: when(r.rewritten.at), lastId: r.rewritten.lastId }));
    if (r.forgedCheckpoints.length > 0)
      out(t('audit.verify.forged', { ids: r.forgedCheckpoints.join(', ') }));
    if (r.intact) out(t('audit.verify.intact', { checked: r.checked }));
    if (r.keyedFrom === null) out(t('audit.verify.all_unkeyed', { count: r.unkeyed }));
    else if (r.unkeyed > 0) out(t('audit.verify.unkeyed', { count: r.unkeyed, from: r.keyedFrom }));
    const good = r.lastGoodCheckpoint;
    out(
      good
        ? t('audit.verify.last_good', { at: when(good.at), rows: good.rowCount, lastId: good.lastId })
        : t('audit.verify.no_checkpoint'),
    );
    if (r.intact)
      out(
        r.newCheckpoint
          ? t('audit.verify.checkpoint_written', {
              rows: r.newCheckpoint.rowCount,
              lastId: r.newCheckpoint.lastId,
            })
          : t('audit.verify.checkpoint_failed'),
      );
    return r.intact ? 0 : 1;
  },
};
