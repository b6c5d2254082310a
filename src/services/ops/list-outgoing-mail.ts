import { appendAudit } from '../../db/audit.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { type DevMailSummary, listDevMailFiles } from '../../mail/dev-mail-files.ts';
import type { Deps } from '../deps.ts';
import { maskSecrets } from './mask-secrets.ts';

export type OutgoingMailSummary = Omit<DevMailSummary, 'toAddresses'>;

/**
 * The development mail (.eml files under DATA_DIR/mail), newest first, for roles that may see personal
 * data (`mail.view`). Subjects are masked like bodies; every look is audited.
 */
export async function listOutgoingMail(
  deps: Deps,
  actor: Actor,
  input: { limit?: number } = {},
): Promise<OutgoingMailSummary[]> {
  authorize(actor, 'mail.view');
  const mails = await listDevMailFiles(deps.config.dataDir, input.limit ?? 100);
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'mail.list_viewed',
      subject: 'mail',
      data: { count: mails.length },
      at: deps.clock.now(),
    }),
  );
  return mails.map(({ toAddresses: _, ...m }) => ({ ...m, subject: maskSecrets(m.subject) }));
}
