import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { enqueueJob } from '../../db/outbox.ts';
import { sentMessages } from '../../db/schema/index.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import {
  type MailData,
  MailDataError,
  type MailTemplateName,
  renderMail,
} from '../../mail/templates/index.ts';
import type { OutgoingAttachment } from '../../mail/transport.ts';
import type { Deps } from '../../services/deps.ts';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../worker.ts';

export const MAIL_SEND = 'mail.send';

const payloadSchema = z.object({
  template: z.string().min(1),
  to: z.email(),
  locale: z.enum(LOCALES).default('es-MX'),
  data: z.record(z.string(), z.unknown()),
});

/** Reads a stored document to attach. Null when it does not exist. */
export type AttachmentLoader = (documentId: string, folio: string) => Promise<OutgoingAttachment | null>;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** Attachments from the content-addressed document store (ids are SHA-256); a PDF is the oficio. */
export function storeAttachments(deps: Deps): AttachmentLoader {
  return async (sha256, folio) => {
    const bytes = await deps.documents.get(sha256);
    if (!bytes) return null;
    const contentType =
      (await deps.documents.describe(deps.db, sha256))?.mediaType ?? 'application/octet-stream';
    const ext = EXTENSIONS[contentType] ?? 'bin';
    const filename = ext === 'pdf' ? `oficio-${folio}.pdf` : `${folio}-${sha256.slice(0, 8)}.${ext}`;
    return { filename, content: bytes, contentType };
  };
}

/**
 * The Message-ID of a job's e-mail: derived from the job's dedupe key (or id), so every retry of the
 * job carries the same id and the sent_messages record can recognise it.
 */
export function messageIdFor(job: Pick<ClaimedJob, 'id' | 'dedupeKey'>, from: string): string {
  const key = job.dedupeKey ?? `job:${job.id}`;
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'dato-oficial.invalid';
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${domain}>`;
}

/**
 * `mail.send` {template, to, locale, data}: render, attach, send, record. A send already recorded is
 * not repeated; the record is written only after the server accepted the message.
 */
export function mailSendHandler(opts: { loadAttachment?: AttachmentLoader } = {}): JobHandler {
  return async (job, { deps }) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError('carga de correo inválida');
    const { template, to, locale, data } = parsed.data;
    const from = deps.config.agency.emailFrom;
    const messageId = messageIdFor(job, from);
    const [already] = await deps.db
      .select({ id: sentMessages.messageId })
      .from(sentMessages)
      .where(eq(sentMessages.messageId, messageId))
      .limit(1);
    if (already) return;

    let rendered: Awaited<ReturnType<typeof renderMail>>;
    try {
      rendered = await renderMail(template, data, locale, deps.config.agency);
    } catch (err) {
      if (err instanceof MailDataError) throw new PermanentJobError(err.message);
      throw err;
    }
    const attachments: OutgoingAttachment[] = [];
    const load = opts.loadAttachment ?? storeAttachments(deps);
    for (const id of rendered.attachmentIds) {
      const file = await load(id, typeof data.folio === 'string' ? data.folio : 'respuesta');
      if (!file) throw new Error(`no se encontró el documento ${id} para adjuntar`);
      attachments.push(file);
    }
    const { response } = await deps.mailer.send({
      messageId,
      from,
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
        jobId: job.id,
        template,
        transport: deps.mailer.kind,
        response: response.slice(0, 500),
        sentAt: deps.clock.now(),
      })
      .onConflictDoNothing();
  };
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
