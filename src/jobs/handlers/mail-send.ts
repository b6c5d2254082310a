import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LOCALES } from '../../i18n/index.ts';
import { MailDataError } from '../../mail/templates/index.ts';
import type { Deps } from '../../services/deps.ts';
import { type AttachmentLoader, sendQueuedMail } from '../../services/mail/send-queued-mail.ts';
import { type ClaimedJob, type JobHandler, PermanentJobError } from '../worker.ts';

const payloadSchema = z.object({
  template: z.string().min(1),
  to: z.email(),
  locale: z.enum(LOCALES).default('es-MX'),
  data: z.record(z.string(), z.unknown()),
});

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
 * `mail.send` {template, to, locale, data}: render, attach, send, record (sendQueuedMail). Every retry
 * of the job carries the same Message-ID, so a send already recorded is not repeated.
 */
export function mailSendHandler(opts: { loadAttachment?: AttachmentLoader } = {}): JobHandler {
  return async (job, { deps }) => {
    const parsed = payloadSchema.safeParse(job.payload);
    if (!parsed.success) throw new PermanentJobError('carga de correo inválida');
    try {
      await sendQueuedMail(deps, {
        ...parsed.data,
        messageId: messageIdFor(job, deps.config.agency.emailFrom),
        jobId: job.id,
        loadAttachment: opts.loadAttachment ?? storeAttachments(deps),
      });
    } catch (err) {
      if (err instanceof MailDataError) throw new PermanentJobError(err.message);
      throw err;
    }
  };
}
