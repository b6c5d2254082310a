import { appendAudit } from '../../db/audit.ts';
import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { readDevMailFile } from '../../mail/dev-mail-files.ts';
import type { Deps } from '../deps.ts';
import { maskSecrets } from './mask-secrets.ts';

/**
 * One development message (its summary, text and source) with sign-in links and tokens masked, the
 * source too: staff read what was sent, and cannot use it. Audited with the message id.
 */
export async function readOutgoingMail(deps: Deps, actor: Actor, input: { id: string }) {
  authorize(actor, 'mail.view');
  const mail = await readDevMailFile(deps.config.dataDir, input.id);
  if (!mail) throw new NotFoundError('mail');
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      actor,
      action: 'mail.viewed',
      subject: `mail:${mail.id}`,
      // No address here: the audit log outlives an erasure.
      data: {},
      at: deps.clock.now(),
    }),
  );
  const { toAddresses: _, raw: _raw, ...summary } = mail;
  const subject = maskSecrets(mail.subject);
  const text = maskSecrets(mail.text);
  // The downloadable source is rebuilt from the decoded, masked text: masking the raw file would miss
  // tokens split by quoted-printable line breaks.
  const source = [
    `Date: ${mail.date.toUTCString()}`,
    `To: ${mail.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    text,
  ].join('\r\n');
  return { ...summary, subject, text, raw: Buffer.from(source, 'utf8') };
}
