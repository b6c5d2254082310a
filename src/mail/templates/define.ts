import { z } from 'zod';
import type { AgencyConfig } from '../../config/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { type Locale, type Translate, translator } from '../../i18n/index.ts';
import type { MailContent } from '../render.tsx';

export type TemplateContext = {
  locale: Locale;
  t: Translate;
  agency: AgencyConfig;
  /** An ISO instant as the reader expects it, in the agency's time zone. */
  dateTime(iso: string): string;
};

export type MailTemplate<S extends z.ZodType> = {
  schema: S;
  compose(data: z.output<S>, ctx: TemplateContext): MailContent;
  /** Ids in the document store to attach (only the delivery e-mail has any). */
  attachments?(data: z.output<S>): string[];
};

/** Types the template's compose function by its schema. */
export function defineTemplate<S extends z.ZodType>(t: MailTemplate<S>): MailTemplate<S> {
  return t;
}

export function templateContext(locale: Locale, agency: AgencyConfig): TemplateContext {
  return {
    locale,
    t: translator(locale),
    agency,
    dateTime: (iso) => formatDateTime(new Date(iso), locale, agency.timezone),
  };
}

// Links in e-mails are http(s) only: a `javascript:` URL in data never becomes a clickable link.
export const httpUrl = z.url({ protocol: /^https?$/ });
export const isoInstant = z.iso.datetime({ offset: true });
export const folio = z.string().min(1).max(64);
