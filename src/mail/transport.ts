import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export type OutgoingAttachment = { filename: string; content: Buffer; contentType: string };

export type OutgoingMail = {
  /** `<…@…>`: the same job always gets the same id, so receivers (and we) can spot a repeat. */
  messageId: string;
  from: string;
  /** Where replies go when not to `from` (the agency's `emailReplyTo`). */
  replyTo?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: OutgoingAttachment[];
};

/** Sends one message; resolves only once the server (or the file system) has accepted it. */
export type Mailer = {
  kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
};

/** Where the development mailer writes: one `.eml` per message under DATA_DIR/mail. */
export function mailDir(dataDir: string): string {
  return join(dataDir, 'mail');
}

/** File name of a message's `.eml`, derived from its Message-ID (writing twice overwrites, never duplicates). */
export function emlFileName(messageId: string): string {
  return `${createHash('sha256').update(messageId).digest('hex').slice(0, 24)}.eml`;
}

/** nodemailer over SMTP_URL, or, without one, `.eml` files for development. */
export function createMailer(opts: { smtpUrl?: string | undefined; dataDir: string }): Mailer {
  return opts.smtpUrl ? smtpMailer(opts.smtpUrl) : fileMailer(mailDir(opts.dataDir));
}

function toNodemailer(mail: OutgoingMail) {
  return {
    messageId: mail.messageId,
    from: mail.from,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transport.sendMail(toNodemailer(mail));
      if (info.rejected.length > 0)
        throw new Error(`el servidor SMTP rechazó el destinatario: ${info.response}`);
      return { response: info.response };
    },
    close: () => transport.close(),
  };
}

function fileMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'file',
    async send(mail) {
      const info = await transport.sendMail(toNodemailer(mail));
      // Owner-only: the messages hold people's addresses and sign-in links.
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const name = emlFileName(mail.messageId);
      // Write then rename: the admin list never sees half a message.
      const tmp = join(dir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer, { mode: 0o600 });
      renameSync(tmp, join(dir, name));
      return { response: `file ${name}` };
    },
    close: () => transport.close(),
  };
}
