import { bigint, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';

/**
 * One row per e-mail handed to the transport, written after the SMTP server accepted it. The worker
 * checks it before sending, so a retried job never sends the same Message-ID twice. No addresses here:
 * personal data stays in the request.
 */
export const sentMessages = pgTable('sent_messages', {
  messageId: text('message_id').primaryKey(),
  jobId: bigint('job_id', { mode: 'number' }),
  template: text('template').notNull(),
  transport: text('transport').$type<'smtp' | 'file'>().notNull(),
  /** The server's reply (e.g. `250 OK queued as …`), for support. */
  response: text('response'),
  sentAt: ts('sent_at').notNull(),
});
