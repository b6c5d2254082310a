import type { Actor } from '../../domain/actor.ts';
import { ConflictError, type FieldError, InvalidInputError } from '../../domain/errors.ts';
import { type Locale, translator } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { portalCatalog } from './catalog.ts';
import { bindDraft, type Draft, type DraftState } from './drafts.ts';
import { spendPowSolution } from './proof-of-work.ts';
import { submitRequest } from './submit-request.ts';

/** Without JavaScript (no proof of work) a person needs at least this long from first step to submit. */
export const MIN_NO_JS_JOURNEY_MS = 20_000;

export type DraftSubmission = {
  /** A complete draft not yet submitted (the journey checks both before calling). */
  draft: Draft;
  locale: Locale;
  /** The review form's anti-bot fields (ADR 0005): the proof-of-work payload and the honeypot. */
  proofOfWork: string;
  honeypot: string;
  /** The requester saw the duplicate warning and still wants a new request. */
  allowDuplicate: boolean;
  /** The submission limits (per IP, per e-mail), counted before anything else; may throw RateLimitedError. */
  limits: (email: string) => void | Promise<void>;
};

export type DraftSubmissionResult =
  | { kind: 'submitted'; folio: string; trackingToken: string }
  /** This draft was already turned into a request (a second click): the same request. */
  | { kind: 'already_submitted' }
  /** A request for the same data from the same e-mail came in recently: ask again. */
  | { kind: 'duplicate' }
  /** Refused by the anti-bot rules or the final validation: show the review page with these errors. */
  | { kind: 'refused'; errors: FieldError[] };

/** The whole request as the API would receive it, built from the draft's answers. */
export function draftToBody(s: DraftState): Record<string, unknown> {
  return {
    indicators: s.indicators ?? [],
    otherText: s.otherText ?? null,
    geo: s.geoGeojson ?? s.geo,
    years: s.years,
    formats: s.formats,
    purpose: s.purpose,
    requester: s.requester,
    privacyConsent: s.privacyConsent,
    publishConsent: s.publishConsent ?? false,
  };
}

/**
 * The public journey's submission: the limits, then proof of work when the browser ran it or the
 * no-JavaScript checks otherwise (honeypot empty, not faster than a person), then the request, bound
 * to the draft in the same transaction so a second click cannot make a second request.
 */
export async function submitDraftRequest(
  deps: Deps,
  actor: Actor,
  input: DraftSubmission,
): Promise<DraftSubmissionResult> {
  const { draft, locale } = input;
  const t = translator(locale);
  await input.limits(draft.data.requester!.email);

  if (input.proofOfWork) {
    if (!(await spendPowSolution(deps, input.proofOfWork)))
      return { kind: 'refused', errors: [{ field: 'altcha-status', message: t('portal.err.pow_failed') }] };
  } else {
    const waitMs = MIN_NO_JS_JOURNEY_MS - (deps.clock.now().getTime() - draft.createdAt.getTime());
    if (input.honeypot)
      return { kind: 'refused', errors: [{ field: 'altcha-status', message: t('portal.err.too_fast') }] };
    // A person without JavaScript who was quick is told how long to wait, not that they look like a bot.
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return {
        kind: 'refused',
        errors: [{ field: 'altcha-status', message: t('journey.err.wait', { seconds }) }],
      };
    }
  }

  try {
    const result = await submitRequest(deps, {
      body: draftToBody(draft.data),
      locale,
      actor,
      catalog: portalCatalog(deps.config.agency),
      allowDuplicate: input.allowDuplicate,
      inTransaction: async (tx, request) => {
        if (!(await bindDraft(tx, draft.id, request.id)))
          throw new ConflictError('portal.err.already_submitted');
      },
    });
    if (result.kind === 'duplicate') return { kind: 'duplicate' };
    return { kind: 'submitted', folio: result.request.folio, trackingToken: result.trackingToken };
  } catch (err) {
    if (err instanceof ConflictError && err.messageKey === 'portal.err.already_submitted')
      return { kind: 'already_submitted' };
    if (err instanceof InvalidInputError) return { kind: 'refused', errors: err.fields };
    throw err;
  }
}
