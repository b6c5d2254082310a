import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { enqueueJob } from '../../db/outbox.ts';
import { sentMessages } from '../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { type MailData, type MailTemplateName, renderMail } from '../../mail/templates/index.ts';
import type { OutgoingAttachment } from '../../mail/transport.ts';
import type { Deps } from '../deps.ts';

/** The outbox job kind that sends one e-mail. */
export const MAIL_SEND = 'mail.send';

/** Reads a stored document to attach. Null when it does not exist. */
export type AttachmentLoader = (documentId: string, folio: string) => Promise<OutgoingAttachment | null>;

/**
 * Renders, attaches, sends and records one queued e-mail. A send already recorded under `messageId` is
 * not repeated; the record is written only after the server accepted the message. Throws
 * MailDataError when the template's data is wrong (no retry can help).
 */
export async function sendQueuedMail(
  deps: Deps,
  mail: {
    messageId: string;
    jobId: number;
    template: string;
    to: string;
    locale: Locale;
    data: Record<string, unknown>;
    loadAttachment: AttachmentLoader;
  },
): Promise<void> {
  const { messageId, template, to, locale, data } = mail;
  const [already] = await deps.db
    .select({ id: sentMessages.messageId })
    .from(sentMessages)
    .where(eq(sentMessages.messageId, messageId))
    .limit(1);
  if (already) return;
  const rendered = await renderMail(template, data, locale, deps.config.agency);
  const attachments: OutgoingAttachment[] = [];
  for (const id of rendered.attachmentIds) {
    const file = await mail.loadAttachment(id, typeof data.folio === 'string' ? data.folio : 'respuesta');
    if (!file) throw new Error(`no se encontró el documento ${id} para adjuntar`);
    attachments.push(file);
  }
  const { response } = await deps.mailer.send({
    messageId,
    from: deps.config.agency.emailFrom,
    replyTo: deps.config.agency.emailReplyTo,
    to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    attachments,
  });
  await deps.db
    .insert(sentMessages)
    .values({
      messageId,
      jobId: mail.jobId,
      template,
      transport: deps.mailer.kind,
      response: response.slice(0, 500),
      sentAt: deps.clock.now(),
    })
    .onConflictDoNothing();
}

/**
 * Queues an e-mail in the caller's transaction, with the template's data checked by the compiler.
 * Same as `enqueueJob(tx, { kind: 'mail.send', … })`; the dedupe key keeps one e-mail per event.
 */
export async function queueMail<N extends MailTemplateName>(
  tx: Database,
  deps: Pick<Deps, 'clock'>,
  mail: { template: N; to: string; locale?: Locale; data: MailData<N>; dedupeKey: string },
): Promise<void> {
  await enqueueJob(tx, {
    kind: MAIL_SEND,
    dedupeKey: mail.dedupeKey,
    runAt: deps.clock.now(),
    payload: { template: mail.template, to: mail.to, locale: mail.locale ?? 'es-MX', data: mail.data },
  });
}
