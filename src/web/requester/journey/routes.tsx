import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ANONYMOUS } from '../../../domain/actor.ts';
import { type FieldError, NotFoundError } from '../../../domain/errors.ts';
import { agencyTextParams, portalCatalog } from '../../../services/requests/catalog.ts';
import { type DraftState, loadDraft, saveDraft } from '../../../services/requests/drafts.ts';
import { loadByTrackingToken } from '../../../services/requests/requester-view.ts';
import { submitDraftRequest } from '../../../services/requests/submit-draft-request.ts';
import { CsrfField } from '../../components/form.tsx';
import type { AppEnv } from '../../context.ts';
import { SimilarAnswers } from '../../public/similar-answers.tsx';
import { renderPage } from '../../render.tsx';
import { hitSubmitLimits } from '../../submit-limits.ts';
import { FormTop, readForm, str } from '../form-helpers.tsx';
import { renderConfirmation } from './confirmation.tsx';
import { applicableSteps, BASE, firstMissingStep, isStep, nextAfter, previousStep, STEPS } from './flow.ts';
import { prefillFromQuestion } from './prefill.ts';
import { renderReview } from './review.tsx';
import { type Raw, STEP_ORDER, type StepCtx, type StepId, stepTitle } from './step.ts';

const DRAFT_COOKIE = 'dato_borrador';
const ACK_COOKIE = 'dato_acuse';

function secureCookie(c: Context<AppEnv>): boolean {
  return c.var.deps.config.publicBaseUrl.startsWith('https://');
}

function setDraftCookie(c: Context<AppEnv>, id: string) {
  setCookie(c, DRAFT_COOKIE, id, {
    path: '/solicitud',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookie(c),
    maxAge: 7 * 24 * 3600,
  });
}

async function currentDraft(c: Context<AppEnv>) {
  return loadDraft(c.var.deps, getCookie(c, DRAFT_COOKIE));
}

function stepCtx(c: Context<AppEnv>, state: DraftState): StepCtx {
  const { t, locale, deps } = c.var;
  const agency = deps.config.agency;
  return {
    t,
    locale,
    agency,
    agencyWords: agencyTextParams(agency, deps.clock.now()),
    catalog: portalCatalog(agency),
    state,
    similarAnswers: () => (
      <SimilarAnswers c={c} indicators={state.indicators} geo={state.geo} years={state.years} />
    ),
  };
}

async function renderStep(c: Context<AppEnv>, id: StepId, state: DraftState, raw: Raw, errors: FieldError[]) {
  const { t } = c.var;
  const step = STEPS[id];
  const back = c.req.query('volver') === 'revisar' ? `${BASE}/revisar` : previousStep(state, id);
  const action = `${BASE}/${id}${c.req.query('volver') === 'revisar' ? '?volver=revisar' : ''}`;
  const question = t(stepTitle(step, state));
  const title = errors.length > 0 ? `${t('portal.error_prefix')} ${question}` : question;
  const steps = applicableSteps(state);
  return renderPage(
    c,
    { title, status: errors.length > 0 ? 400 : 200, scripts: step.scripts?.(state) ?? [] },
    <>
      <FormTop c={c} back={back} errors={errors} />
      <p class="step-count">{t('journey.step_count', { n: steps.indexOf(id) + 1, total: steps.length })}</p>
      <form
        method="post"
        action={action}
        enctype={step.multipart ? 'multipart/form-data' : undefined}
        novalidate
      >
        <CsrfField token={c.var.csrfToken} />
        {step.view(stepCtx(c, state), raw, errors)}
        <button type="submit" class="button">
          {t('portal.continue')}
        </button>
      </form>
    </>,
  );
}

/** A finished draft is not reused: the next visit starts a new request. */
function startOver(c: Context<AppEnv>) {
  deleteCookie(c, DRAFT_COOKIE, { path: '/solicitud' });
  return c.redirect(`${BASE}/${STEP_ORDER[0]}`, 303);
}

export const journeyRoutes = new Hono<AppEnv>();

journeyRoutes.get(BASE, (c) => c.redirect(`${BASE}/${STEP_ORDER[0]}`, 303));

journeyRoutes.get(`${BASE}/revisar`, async (c) => {
  const draft = await currentDraft(c);
  if (draft?.requestId) return c.redirect('/solicitud/confirmacion', 303);
  const state = draft?.data ?? {};
  const missing = firstMissingStep(state);
  if (missing) return c.redirect(`${BASE}/${missing}`, 303);
  return renderReview(c, state, []);
});

journeyRoutes.get(`${BASE}/:step`, async (c) => {
  const id = c.req.param('step');
  if (!isStep(id)) return c.notFound();
  const draft = await currentDraft(c);
  if (draft?.requestId) return startOver(c);
  const state = draft?.data ?? {};
  if (!(STEPS[id].applies?.(state) ?? true)) return c.redirect(nextAfter(state, id), 303);
  // Steps are answered in order: jumping ahead lands on the first unanswered one.
  const missing = firstMissingStep(state);
  if (missing && applicableSteps(state).indexOf(id) > applicableSteps(state).indexOf(missing)) {
    return c.redirect(`${BASE}/${missing}`, 303);
  }
  return renderStep(c, id, state, {}, []);
});

journeyRoutes.post(`${BASE}/:step`, async (c) => {
  const id = c.req.param('step');
  if (id === 'enviar') return submit(c);
  if (id === 'prellenar')
    return prefillFromQuestion(c, await currentDraft(c), (draftId) => setDraftCookie(c, draftId));
  if (!isStep(id)) return c.notFound();
  const { deps } = c.var;
  const draft = await currentDraft(c);
  const live = draft && !draft.requestId ? draft : null;
  const state = live?.data ?? {};
  const form = await readForm(c);
  const result = await STEPS[id].parse(stepCtx(c, state), form);
  if ('errors' in result) return renderStep(c, id, state, result.raw, result.errors);
  const next: DraftState = { ...state, ...result.patch };
  const draftId = await saveDraft(deps, live?.id ?? null, next);
  if (draftId !== live?.id) setDraftCookie(c, draftId);
  const target =
    c.req.query('volver') === 'revisar'
      ? `${BASE}/${firstMissingStep(next) ?? 'revisar'}`
      : nextAfter(next, id);
  return c.redirect(target, 303);
});

async function submit(c: Context<AppEnv>) {
  const draft = await currentDraft(c);
  if (!draft) return c.redirect(`${BASE}/${STEP_ORDER[0]}`, 303);
  // A second click (or a reload of the POST) finds the draft already submitted: same request.
  if (draft.requestId) return c.redirect('/solicitud/confirmacion', 303);
  const missing = firstMissingStep(draft.data);
  if (missing) return c.redirect(`${BASE}/${missing}`, 303);
  const form = await readForm(c);
  const result = await submitDraftRequest(c.var.deps, ANONYMOUS, {
    draft,
    locale: c.var.locale,
    proofOfWork: str(form, 'altcha'),
    honeypot: str(form, 'website'),
    allowDuplicate: str(form, 'allowDuplicate') === '1',
    limits: (email) => hitSubmitLimits(c, email),
  });
  switch (result.kind) {
    case 'refused':
      return renderReview(c, draft.data, result.errors);
    case 'duplicate':
      return c.redirect(`${BASE}/revisar`, 303);
    case 'already_submitted':
      return c.redirect('/solicitud/confirmacion', 303);
    case 'submitted':
      setCookie(c, ACK_COOKIE, `${result.folio}.${result.trackingToken}`, {
        path: '/solicitud/confirmacion',
        httpOnly: true,
        sameSite: 'Lax',
        secure: secureCookie(c),
        maxAge: 24 * 3600,
      });
      return c.redirect('/solicitud/confirmacion', 303);
  }
}

journeyRoutes.get('/solicitud/confirmacion', async (c) => {
  const [folio, token] = (getCookie(c, ACK_COOKIE) ?? '').split('.');
  if (!folio || !token) return c.redirect('/', 303);
  try {
    const request = await loadByTrackingToken(c.var.deps, folio, token);
    return renderConfirmation(c, request, token);
  } catch (err) {
    if (err instanceof NotFoundError) return c.redirect('/', 303);
    throw err;
  }
});
