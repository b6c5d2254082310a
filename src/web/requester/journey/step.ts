import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { AgencyConfig } from '../../../config/agency.ts';
import type { FieldError } from '../../../domain/errors.ts';
import type { Locale, MessageKey, Translate } from '../../../i18n/index.ts';
import type { agencyTextParams, PortalCatalog } from '../../../services/requests/catalog.ts';
import type { DraftState } from '../../../services/requests/drafts.ts';
import { fieldErrors } from '../../../services/requests/request-input.ts';
import type { FormBody } from '../form-helpers.tsx';

/** The journey's steps, by their address (/solicitud/nueva/<id>), in the order they are asked. */
export const STEP_ORDER = [
  'indicadores',
  'geografia',
  'lugar',
  'anios',
  'formatos',
  'proposito',
  'datos',
  'consentimiento',
] as const;
export type StepId = (typeof STEP_ORDER)[number];

/** Raw values typed into the page, shown again when the page has errors. */
export type Raw = Record<string, string | string[] | undefined>;

/** What a step's view and parser know: no HTTP context, so each step is testable on its own. */
export type StepCtx = {
  t: Translate;
  locale: Locale;
  agency: AgencyConfig;
  /** The placeholders the agency's texts use ({agency}, {state}, …). */
  agencyWords: ReturnType<typeof agencyTextParams>;
  catalog: PortalCatalog;
  state: DraftState;
  /** Published answers like this request (shown on the years step); the routes render it. */
  similarAnswers: () => Child;
};

export type ParseResult = { patch: Partial<DraftState> } | { errors: FieldError[]; raw: Raw };

/** One page of the journey: its question (view) and the parser of its answer, kept side by side. */
export type StepDef = {
  /** The page's title: the question asked, which may depend on earlier answers. */
  title: MessageKey | ((s: DraftState) => MessageKey);
  done(s: DraftState): boolean;
  applies?(s: DraftState): boolean;
  multipart?: boolean;
  /** Enhancements for this step (the page works without them). */
  scripts?(s: DraftState): string[];
  view(ctx: StepCtx, raw: Raw, errors: FieldError[]): Child;
  parse(ctx: StepCtx, form: FormBody): Promise<ParseResult> | ParseResult;
};

export function stepTitle(step: StepDef, s: DraftState): MessageKey {
  return typeof step.title === 'function' ? step.title(s) : step.title;
}

/** The zod issues as field errors; a schema of one field names that field (its issues have no path). */
export function zodErrors(error: z.ZodError, field?: string): FieldError[] {
  const errors = fieldErrors(error);
  return field ? errors.map((e) => ({ ...e, field })) : errors;
}
