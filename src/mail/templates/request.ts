import { z } from 'zod';
import { formatDate } from '../../i18n/format.ts';
import { isMessageKey, type Locale, type Translate } from '../../i18n/index.ts';
import { defineTemplate, folio, httpUrl, isoInstant } from './define.ts';

export const acknowledgment = defineTemplate({
  schema: z.object({
    folio,
    receivedAt: isoInstant,
    dueAt: isoInstant.nullable(),
    trackingUrl: httpUrl,
    summary: z.string().max(2000),
  }),
  compose: (d, { t, agency, dateTime }) => ({
    subject: t('mail.ack.subject', { folio: d.folio }),
    heading: t('mail.ack.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      { type: 'p', text: t('mail.ack.body', { folio: d.folio }) },
      {
        type: 'fields',
        items: [
          [t('mail.field.folio'), d.folio],
          [t('mail.field.received_at'), dateTime(d.receivedAt)],
          ...(d.dueAt ? ([[t('mail.field.due_at'), dateTime(d.dueAt)]] as [string, string][]) : []),
          [t('mail.field.summary'), d.summary],
        ],
      },
      ...(d.dueAt
        ? []
        : [{ type: 'p' as const, text: t('mail.ack.due_unknown', { hours: agency.slaWorkingHours }) }]),
      { type: 'button', label: t('mail.ack.track'), url: d.trackingUrl },
      { type: 'p', text: t('mail.ack.not_you') },
    ],
  }),
});

export const clarificationRequested = defineTemplate({
  schema: z.object({
    folio,
    question: z.string().min(1).max(5000),
    replyUrl: httpUrl,
    // The answer's due date (10 working days); absent in e-mails queued before it was sent.
    deadline: isoInstant.optional(),
  }),
  compose: (d, { t, dateTime }) => ({
    subject: t('mail.clarification.subject', { folio: d.folio }),
    heading: t('mail.clarification.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      { type: 'p', text: t('mail.clarification.body', { folio: d.folio }) },
      { type: 'quote', text: d.question },
      ...(d.deadline
        ? [
            {
              type: 'p' as const,
              text: t('journey.mail.clarification_deadline', { deadline: dateTime(d.deadline) }),
            },
            { type: 'p' as const, text: t('journey.mail.clarification_after') },
          ]
        : [{ type: 'p' as const, text: t('mail.clarification.paused') }]),
      { type: 'button', label: t('mail.clarification.reply'), url: d.replyUrl },
      ...(d.deadline
        ? [
            {
              type: 'p' as const,
              text: t('journey.mail.clarification_link', { deadline: dateTime(d.deadline) }),
            },
          ]
        : []),
    ],
  }),
});

export const statusChanged = defineTemplate({
  schema: z.object({
    folio,
    status: z.string().min(1).max(64),
    message: z.string().max(5000).nullish(),
    trackingUrl: httpUrl,
    // When the button's single-use link expires (absent in e-mails queued before it opened the request).
    trackingExpiresAt: isoInstant.optional(),
  }),
  compose: (d, { t, locale, agency }) => {
    const key = `status.${d.status}`;
    const status = isMessageKey(key) ? t(key) : d.status;
    return {
      subject: t('mail.status.subject', { folio: d.folio, status }),
      heading: t('mail.status.heading'),
      blocks: [
        { type: 'p', text: t('mail.greeting') },
        { type: 'p', text: t('mail.status.body', { folio: d.folio, status }) },
        ...(d.message ? [{ type: 'quote' as const, text: d.message }] : []),
        { type: 'button', label: t('mail.status.track'), url: d.trackingUrl },
        ...requestLinkNote(d.trackingExpiresAt, t, locale, agency.timezone),
      ],
    };
  },
});

export const rejected = defineTemplate({
  schema: z.object({
    folio,
    reason: z.string().min(1).max(5000),
    trackingUrl: httpUrl,
    trackingExpiresAt: isoInstant.optional(),
    // The signed rejection oficio (absent in e-mails queued before rejections carried one).
    verificationUrl: httpUrl.optional(),
    documents: z
      .array(z.object({ name: z.string().min(1).max(200), url: httpUrl }))
      .max(10)
      .default([]),
    attachDocumentIds: z.array(z.string().min(1).max(200)).max(10).default([]),
  }),
  attachments: (d) => d.attachDocumentIds,
  compose: (d, { t, locale, agency }) => ({
    subject: t('mail.rejected.subject', { folio: d.folio }),
    heading: t('mail.rejected.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      { type: 'p', text: t('mail.rejected.body', { folio: d.folio }) },
      { type: 'quote', text: d.reason },
      ...(d.attachDocumentIds.length > 0
        ? [{ type: 'p' as const, text: t('signing_review.mail.rejected_attached') }]
        : []),
      ...(d.documents.length > 0
        ? [
            { type: 'p' as const, text: t('mail.delivered.documents') },
            { type: 'links' as const, items: d.documents.map((x) => ({ label: x.name, url: x.url })) },
          ]
        : []),
      ...(d.verificationUrl
        ? [
            { type: 'p' as const, text: t('mail.delivered.verify') },
            {
              type: 'links' as const,
              items: [{ label: t('mail.delivered.verify_link'), url: d.verificationUrl }],
            },
          ]
        : []),
      { type: 'button', label: t('mail.rejected.track'), url: d.trackingUrl },
      ...requestLinkNote(d.trackingExpiresAt, t, locale, agency.timezone),
    ],
  }),
});

export const delivered = defineTemplate({
  schema: z.object({
    folio,
    trackingUrl: httpUrl,
    trackingExpiresAt: isoInstant.optional(),
    verificationUrl: httpUrl,
    // `label` ("Tabla de datos (Excel, 12 KB)"), the ZIP apart, the expiry and what was not produced:
    // absent in e-mails queued before they were listed so; those show the file names.
    documents: z
      .array(
        z.object({ name: z.string().min(1).max(200), label: z.string().max(300).optional(), url: httpUrl }),
      )
      .max(50),
    bundle: z.object({ label: z.string().min(1).max(300), url: httpUrl }).optional(),
    linksExpireAt: isoInstant.optional(),
    omitted: z.array(z.string().min(1).max(1000)).max(50).default([]),
    attachDocumentIds: z.array(z.string().min(1).max(200)).max(10),
  }),
  attachments: (d) => d.attachDocumentIds,
  compose: (d, { t, locale, agency }) => ({
    subject: t('mail.delivered.subject', { folio: d.folio }),
    heading: t('mail.delivered.heading'),
    blocks: [
      { type: 'p', text: t('mail.greeting') },
      { type: 'p', text: t('mail.delivered.body', { folio: d.folio }) },
      ...(d.documents.length > 0
        ? [
            { type: 'p' as const, text: t('mail.delivered.documents') },
            {
              type: 'links' as const,
              items: d.documents.map((x) => ({ label: x.label ?? x.name, url: x.url })),
            },
          ]
        : []),
      ...(d.bundle ? [{ type: 'button' as const, label: d.bundle.label, url: d.bundle.url }] : []),
      ...(d.linksExpireAt
        ? [
            {
              type: 'p' as const,
              text: t('files.expires', {
                date: formatDate(new Date(d.linksExpireAt), locale, agency.timezone),
              }),
            },
          ]
        : []),
      ...(d.omitted.length > 0
        ? [
            { type: 'p' as const, text: `${t('files.omitted_title')}:` },
            ...d.omitted.map((reason) => ({ type: 'quote' as const, text: reason })),
          ]
        : []),
      { type: 'p', text: t('mail.delivered.verify') },
      { type: 'button', label: t('mail.delivered.verify_link'), url: d.verificationUrl },
      // A button like every other e-mail's way back to the request (a one-item list read as a stray bullet).
      { type: 'button', label: t('mail.delivered.track'), url: d.trackingUrl },
      ...requestLinkNote(d.trackingExpiresAt, t, locale, agency.timezone),
    ],
  }),
});

/** Under the button of a single-use link to the request: that it opens it once, and until when. */
function requestLinkNote(expiresAt: string | undefined, t: Translate, locale: Locale, timezone: string) {
  if (!expiresAt) return [];
  return [
    {
      type: 'p' as const,
      text: t('mail.request_link', { date: formatDate(new Date(expiresAt), locale, timezone) }),
    },
  ];
}
