import { join } from 'node:path';
import type { Child } from 'hono/jsx';
import { readAgencyConfig } from '../../../../src/config/agency.ts';
import type { FieldError } from '../../../../src/domain/errors.ts';
import { type Locale, translator } from '../../../../src/i18n/index.ts';
import { agencyTextParams, portalCatalog } from '../../../../src/services/requests/catalog.ts';
import type { DraftState } from '../../../../src/services/requests/drafts.ts';
import type { FormBody } from '../../../../src/web/requester/form-helpers.tsx';
import type { ParseResult, StepCtx, StepDef } from '../../../../src/web/requester/journey/step.ts';

const agency = readAgencyConfig(join(import.meta.dirname, '../../../../config/agency.coespo.json'));

/** A step's context as the routes build it, without HTTP: the default agency, a fixed date. */
export function stepCtx(state: DraftState = {}, locale: Locale = 'es-MX'): StepCtx {
  return {
    t: translator(locale),
    locale,
    agency,
    agencyWords: agencyTextParams(agency, new Date('2026-03-02T17:00:00Z')),
    catalog: portalCatalog(agency),
    state,
    similarAnswers: () => null,
  };
}

/** The step's page body as HTML. */
export async function renderView(
  step: StepDef,
  ctx: StepCtx,
  raw: Record<string, string | string[] | undefined> = {},
  errors: FieldError[] = [],
): Promise<string> {
  const node = step.view(ctx, raw, errors) as Child & { toString(): string | Promise<string> };
  return String(await node.toString());
}

export async function parse(step: StepDef, form: FormBody, state: DraftState = {}): Promise<ParseResult> {
  return step.parse(stepCtx(state), form);
}

export function errorsOf(result: ParseResult) {
  if (!('errors' in result)) throw new Error(`expected errors, got ${JSON.stringify(result.patch)}`);
  return result.errors;
}

export function patchOf(result: ParseResult) {
  if ('errors' in result) throw new Error(`expected a patch, got ${JSON.stringify(result.errors)}`);
  return result.patch;
}
