import { z } from 'zod';
import { defineTemplate, folio, httpUrl, isoInstant } from './define.ts';

export const signInLink = defineTemplate({
  schema: z.object({
    link: httpUrl,
    expiresMinutes: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 60),
  }),
  compose: (d, { t }) => ({
    subject: t('mail.sign_in.subject'),
    heading: t('mail.sign_in.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      { type: 'p', text: t('mail.sign_in.body', { minutes: d.expiresMinutes }) },
      { type: 'button', label: t('mail.sign_in.link'), url: d.link },
      { type: 'p', text: t('mail.sign_in.not_you') },
    ],
  }),
});

const alertSchema = z.object({ folio, dueAt: isoInstant, staffUrl: httpUrl });

export const alertDueSoon = defineTemplate({
  schema: alertSchema,
  compose: (d, { t, dateTime }) => ({
    subject: t('mail.alert_due_soon.subject', { folio: d.folio }),
    heading: t('mail.alert_due_soon.heading'),
    blocks: [
      { type: 'p', text: t('mail.alert_due_soon.body', { folio: d.folio, dueAt: dateTime(d.dueAt) }) },
      { type: 'button', label: t('mail.alert.open'), url: d.staffUrl },
    ],
  }),
});

export const alertOverdue = defineTemplate({
  schema: alertSchema,
  compose: (d, { t, dateTime }) => ({
    subject: t('mail.alert_overdue.subject', { folio: d.folio }),
    heading: t('mail.alert_overdue.heading'),
    blocks: [
      { type: 'p', text: t('mail.alert_overdue.body', { folio: d.folio, dueAt: dateTime(d.dueAt) }) },
      { type: 'button', label: t('mail.alert.open'), url: d.staffUrl },
    ],
  }),
});

export const answerReadyForSignature = defineTemplate({
  schema: z.object({ folio, staffUrl: httpUrl }),
  compose: (d, { t }) => ({
    subject: t('mail.ready_for_signature.subject', { folio: d.folio }),
    heading: t('mail.ready_for_signature.heading'),
    blocks: [
      { type: 'p', text: t('mail.ready_for_signature.body', { folio: d.folio }) },
      { type: 'button', label: t('mail.alert.open'), url: d.staffUrl },
    ],
  }),
});
