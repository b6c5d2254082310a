import { z } from 'zod';
import { defineTemplate, isoInstant } from './define.ts';

const code = z.string().min(1).max(64);

export const arcoReceived = defineTemplate({
  schema: z.object({ code, dueAt: isoInstant }),
  compose: (d, { t, dateTime }) => ({
    subject: t('mail.arco_received.subject', { code: d.code }),
    heading: t('mail.arco_received.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      { type: 'p', text: t('mail.arco_received.body', { code: d.code }) },
      { type: 'fields', items: [[t('mail.field.due_at'), dateTime(d.dueAt)]] },
      { type: 'p', text: t('mail.arco_received.not_you') },
    ],
  }),
});

export const arcoResolved = defineTemplate({
  schema: z.object({
    code,
    outcome: z.enum(['granted', 'refused']),
    reason: z.string().max(5000).nullish(),
  }),
  compose: (d, { t }) => ({
    subject: t('mail.arco_resolved.subject', { code: d.code }),
    heading: t('mail.arco_resolved.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      {
        type: 'p',
        text: t(d.outcome === 'granted' ? 'mail.arco_resolved.granted' : 'mail.arco_resolved.refused', {
          code: d.code,
        }),
      },
      ...(d.reason ? [{ type: 'quote' as const, text: d.reason }] : []),
      // An erasure says what is kept and why (issue 16, finding 10).
      ...(d.outcome === 'granted' ? [{ type: 'p' as const, text: t('privacy.erasure_kept') }] : []),
    ],
  }),
});
