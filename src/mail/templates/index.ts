import type { z } from 'zod';
import type { AgencyConfig } from '../../config/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { renderHtml, renderText } from '../render.tsx';
import { type MailTemplate, templateContext } from './define.ts';
import { alertDueSoon, alertOverdue, answerReadyForSignature, signInLink } from './people.ts';
import { arcoReceived, arcoResolved } from './privacy.ts';
import { acknowledgment, clarificationRequested, delivered, rejected, statusChanged } from './request.ts';

/** Every e-mail the service sends, by the name used in `mail.send` jobs (see RULES.md). */
export const MAIL_TEMPLATES = {
  'request.acknowledgment': acknowledgment,
  'request.clarification_requested': clarificationRequested,
  'request.status_changed': statusChanged,
  'request.rejected': rejected,
  'request.delivered': delivered,
  'requester.sign_in_link': signInLink,
  'staff.alert_due_soon': alertDueSoon,
  'staff.alert_overdue': alertOverdue,
  'staff.answer_ready_for_signature': answerReadyForSignature,
  'privacy.arco_received': arcoReceived,
  'privacy.arco_resolved': arcoResolved,
} as const;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
/** The data a template takes, for callers that want the compiler to check their payload. */
export type MailData<N extends MailTemplateName> = z.input<(typeof MAIL_TEMPLATES)[N]['schema']>;

export function isMailTemplateName(name: string): name is MailTemplateName {
  return Object.hasOwn(MAIL_TEMPLATES, name);
}

/** Data that does not fit the template: retrying cannot fix it. */
export class MailDataError extends Error {
  override name = 'MailDataError';
}

export type RenderedMail = { subject: string; html: string; text: string; attachmentIds: string[] };

export async function renderMail(
  name: string,
  data: unknown,
  locale: Locale,
  agency: AgencyConfig,
): Promise<RenderedMail> {
  if (!isMailTemplateName(name)) throw new MailDataError(`plantilla de correo desconocida: ${name}`);
  const template = MAIL_TEMPLATES[name] as MailTemplate<z.ZodType>;
  const parsed = template.schema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(raíz)').join(', ');
    throw new MailDataError(`datos inválidos para la plantilla ${name}: ${where}`);
  }
  const content = template.compose(parsed.data, templateContext(locale, agency));
  return {
    subject: content.subject,
    html: await renderHtml(content, locale, agency),
    text: renderText(content, locale, agency),
    attachmentIds: template.attachments?.(parsed.data) ?? [],
  };
}
