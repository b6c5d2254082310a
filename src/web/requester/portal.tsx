import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { canTransition, isClockPaused, isTerminal } from '../../domain/request-lifecycle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { isMessageKey, type Translate } from '../../i18n/index.ts';
import { messageKeyOf } from '../../i18n/keys.ts';
import { answerClarification, MAX_CLARIFICATION } from '../../services/requests/answer-clarification.ts';
import { cancelRequest } from '../../services/requests/cancel-request.ts';
import { agencyTextParams, portalCatalog, summarizeQuestion } from '../../services/requests/catalog.ts';
import { pendingClarificationDeadline } from '../../services/requests/clarification-deadline.ts';
import { answerDownloads } from '../../services/requests/documents.ts';
import type { RequestRow } from '../../services/requests/request-record.ts';
import {
  requesterForSession,
  SESSION_HOURS,
  SIGN_IN_LINK_MINUTES,
  sendSignInLink,
  signInWithLink,
  signOut,
} from '../../services/requests/requester-access.ts';
import {
  hasSurvey,
  listMyRequests,
  loadByFolioAndEmail,
  loadByTrackingToken,
  loadOwnRequest,
  requesterTimeline,
  type TimelineItem,
} from '../../services/requests/requester-view.ts';
import { SURVEY_COMMENT_MAX, submitSurvey } from '../../services/requests/submit-survey.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError, TextField } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { clientIp, hitRateLimit } from '../rate-limit.ts';
import { renderPage } from '../render.tsx';
import { AnswerFiles } from './answer-files.tsx';
import { ARCO_PAGE } from './arco.tsx';
import { sendRequestDocument } from './download.ts';
import { ChoiceGroup, readForm, str } from './form-helpers.tsx';
import { liveScripts, RequestNotices } from './status-live.tsx';

const SESSION_COOKIE = 'dato_solicitante';
const statusKey = (s: string) => messageKeyOf('status.', s);
const statusHelpKey = (s: string) => messageKeyOf('portal.status_help.', s);

/** Sets `c.var.requester` from the session cookie (or leaves it unset). */
const requesterSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = await requesterForSession(c.var.deps, getCookie(c, SESSION_COOKIE));
  if (actor) c.set('requester', actor);
  await next();
};

function signedIn(c: Context<AppEnv>): Actor {
  const actor = c.var.requester;
  if (!actor) throw new NotFoundError('request');
  return actor;
}

function tagClass(status: string): string {
  if (status === 'delivered') return 'tag tag--ok';
  if (status === 'clarification_requested') return 'tag tag--warn';
  if (status === 'rejected' || status === 'cancelled' || status === 'expired') return 'tag tag--grey';
  return 'tag';
}

function eventLabel(t: Translate, e: TimelineItem): string {
  // Not every audit action has a requester-facing text: those fall back to the status reached.
  const key = `portal.event.${e.action}`;
  if (isMessageKey(key)) return t(key);
  return e.toStatus ? t(statusKey(e.toStatus)) : e.action;
}

/** Status, due time and timeline: what anyone holding the folio and e-mail or the tracking link may see. */
function StatusBlock(props: {
  c: Context<AppEnv>;
  request: RequestRow;
  timeline: TimelineItem[];
  showMessages: boolean;
}) {
  const { t, locale, deps } = props.c.var;
  const r = props.request;
  const tz = deps.config.agency.timezone;
  return (
    <>
      <p>
        <strong class={tagClass(r.status)}>{t(statusKey(r.status))}</strong>
      </p>
      <p>{t(statusHelpKey(r.status))}</p>
      <dl class="summary-list">
        <div>
          <dt>{t('portal.detail.received')}</dt>
          <dd>{formatDateTime(r.receivedAt, locale, tz)}</dd>
        </div>
        {r.dueAt && !isTerminal(r.status) ? (
          <div>
            <dt>{t('portal.detail.due')}</dt>
            <dd>
              {formatDateTime(r.dueAt, locale, tz)}
              {isClockPaused(r.status) ? <p class="hint">{t('portal.detail.paused')}</p> : null}
            </dd>
          </div>
        ) : null}
        {r.deliveredAt ? (
          <div>
            <dt>{t('portal.detail.delivered')}</dt>
            <dd>{formatDateTime(r.deliveredAt, locale, tz)}</dd>
          </div>
        ) : null}
      </dl>
      <h2>{t('portal.detail.timeline')}</h2>
      <ol class="timeline">
        {props.timeline.map((e) => (
          <li>
            <strong>{eventLabel(t, e)}</strong> <span class="muted">{formatDateTime(e.at, locale, tz)}</span>
            {props.showMessages && e.message ? <p>{e.message}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

export const portalRoutes = new Hono<AppEnv>();
portalRoutes.use('/mis-solicitudes', requesterSession);
portalRoutes.use('/mis-solicitudes/*', requesterSession);

// ---- Sign in by e-mail link ----

function signInPage(c: Context<AppEnv>, email: string, errors: FieldError[], sent = false) {
  const { t } = c.var;
  return renderPage(
    c,
    { title: t('portal.mine.title'), status: errors.length > 0 ? 400 : 200 },
    <>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <h1>{t('portal.mine.title')}</h1>
      {sent ? (
        <div class="panel" role="status">
          <h2>{t('portal.mine.sent_title')}</h2>
          <p>{t('portal.mine.sent_body', { minutes: SIGN_IN_LINK_MINUTES })}</p>
        </div>
      ) : null}
      <p>{t('portal.mine.intro')}</p>
      <form method="post" action="/mis-solicitudes/acceso" novalidate>
        <CsrfField token={c.var.csrfToken} />
        <TextField
          field="email"
          name="email"
          type="email"
          label={t('portal.field.email')}
          errors={errors}
          value={email}
          maxlength={254}
          autocomplete="email"
        />
        <button type="submit" class="button">
          {t('portal.mine.send_link')}
        </button>
      </form>
      <p>
        <a href="/consulta">{t('portal.mine.lookup_instead')}</a>
      </p>
    </>,
  );
}

portalRoutes.get('/mis-solicitudes', async (c) => {
  const { t, deps, locale } = c.var;
  const actor = c.var.requester;
  if (!actor) return signInPage(c, '', [], c.req.query('enviado') === '1');
  const mine = await listMyRequests(deps, actor);
  const tz = deps.config.agency.timezone;
  return renderPage(
    c,
    { title: t('portal.mine.list_title') },
    <>
      <h1>{t('portal.mine.list_title')}</h1>
      {mine.length === 0 ? <p>{t('portal.mine.none')}</p> : null}
      {mine.length > 0 ? (
        <table class="table--stack">
          <caption class="visually-hidden">{t('portal.mine.list_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portal.mine.col_folio')}</th>
              <th scope="col">{t('portal.mine.col_question')}</th>
              <th scope="col">{t('portal.mine.col_status')}</th>
              <th scope="col">{t('portal.mine.col_received')}</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((r) => (
              <tr>
                <td>
                  <a href={`/mis-solicitudes/${encodeURIComponent(r.folio)}`}>{r.folio}</a>
                </td>
                <td data-label={t('portal.mine.col_question')}>
                  {summarizeQuestion(portalCatalog(), r, locale)}
                </td>
                <td data-label={t('portal.mine.col_status')}>
                  <strong class={tagClass(r.status)}>{t(statusKey(r.status))}</strong>
                </td>
                <td data-label={t('portal.mine.col_received')}>{formatDateTime(r.receivedAt, locale, tz)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>
        <a class="button button--secondary" href="/solicitud/nueva">
          {t('portal.mine.new')}
        </a>
      </p>
      <p>
        <a href={ARCO_PAGE}>{t('portal.mine.arco_link')}</a>
      </p>
      <form method="post" action="/mis-solicitudes/salir">
        <CsrfField token={c.var.csrfToken} />
        <button type="submit" class="button button--secondary">
          {t('portal.mine.sign_out')}
        </button>
      </form>
    </>,
  );
});

portalRoutes.post('/mis-solicitudes/acceso', async (c) => {
  const { deps, t, locale } = c.var;
  const form = await readForm(c);
  const email = str(form, 'email').trim().slice(0, 254);
  const parsed = z.email().safeParse(email);
  if (!parsed.success) {
    const message = email ? t('portal.err.email_invalid') : t('portal.err.email_required');
    return signInPage(c, email, [{ field: 'email', message }]);
  }
  // Counted in the database on PostgreSQL: every web process shares the limit.
  await hitRateLimit(deps, 'sign_in:email', email.toLowerCase());
  await hitRateLimit(deps, 'sign_in:ip', clientIp(c));
  await sendSignInLink(deps, { email, locale });
  return c.redirect('/mis-solicitudes?enviado=1', 303);
});

/** A folio-shaped landing target (the session still only opens the requester's own requests). */
function landingFolio(value: string | undefined): string | null {
  return value && /^[A-Za-z0-9-]{1,40}$/.test(value) ? value : null;
}

// The link only shows a button: mail scanners that follow links must not spend a single-use link.
portalRoutes.get('/mis-solicitudes/entrar/:token', (c) => {
  const { t } = c.var;
  const folio = landingFolio(c.req.query('solicitud'));
  const title = folio ? t('journey.open.title', { folio }) : t('portal.signin.title');
  return renderPage(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <p>{folio ? t('journey.open.body') : t('portal.signin.body')}</p>
      <form method="post" action="/mis-solicitudes/entrar">
        <CsrfField token={c.var.csrfToken} />
        <input type="hidden" name="token" value={c.req.param('token').slice(0, 100)} />
        {folio ? <input type="hidden" name="solicitud" value={folio} /> : null}
        <button type="submit" class="button">
          {folio ? t('journey.open.button') : t('portal.signin.button')}
        </button>
      </form>
    </>,
  );
});

portalRoutes.post('/mis-solicitudes/entrar', async (c) => {
  const { deps } = c.var;
  const form = await readForm(c);
  const { sessionId } = await signInWithLink(deps, str(form, 'token'));
  setCookie(c, SESSION_COOKIE, sessionId, {
    path: '/mis-solicitudes',
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.publicBaseUrl.startsWith('https://'),
    maxAge: SESSION_HOURS * 3600,
  });
  const folio = landingFolio(str(form, 'solicitud'));
  return c.redirect(folio ? `/mis-solicitudes/${encodeURIComponent(folio)}` : '/mis-solicitudes', 303);
});

portalRoutes.post('/mis-solicitudes/salir', async (c) => {
  await signOut(c.var.deps, getCookie(c, SESSION_COOKIE));
  deleteCookie(c, SESSION_COOKIE, { path: '/mis-solicitudes' });
  return c.redirect('/', 303);
});

// ---- One request ----

async function detailPage(
  c: Context<AppEnv>,
  folio: string,
  errors: FieldError[] = [],
  raw: Record<string, string> = {},
) {
  const { t, deps, locale } = c.var;
  const actor = c.var.requester;
  if (!actor) return c.redirect('/mis-solicitudes', 303);
  const r = await loadOwnRequest(deps, actor, folio);
  const timeline = await requesterTimeline(deps, r.id);
  const deadline = await pendingClarificationDeadline(deps, r);
  const downloads = await answerDownloads(deps, r, null, locale);
  const surveyDone = r.status === 'delivered' ? await hasSurvey(deps, r.id) : true;
  const question = [...timeline].reverse().find((e) => e.toStatus === 'clarification_requested')?.message;
  const base = `/mis-solicitudes/${encodeURIComponent(r.folio)}`;
  const action = (name: string, body: Child) => (
    <form method="post" action={`${base}/${name}`} novalidate>
      <CsrfField token={c.var.csrfToken} />
      {body}
    </form>
  );
  return renderPage(
    c,
    {
      title: t('portal.detail.title', { folio: r.folio }),
      status: errors.length > 0 ? 400 : 200,
      scripts: liveScripts(c, r),
    },
    <>
      <p>
        <a href="/mis-solicitudes" class="back-link">
          {t('portal.detail.back')}
        </a>
      </p>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <h1>{t('portal.detail.title', { folio: r.folio })}</h1>
      <p class="lead">{summarizeQuestion(portalCatalog(), r, locale)}</p>
      {r.status === 'clarification_requested'
        ? action(
            'aclaracion',
            <>
              <h2>{t('portal.clarify.title')}</h2>
              {question ? <div class="inset">{question}</div> : null}
              <FormGroup
                field="answer"
                label={t('portal.clarify.label')}
                hint={t('portal.clarify.hint', { max: MAX_CLARIFICATION })}
                error={fieldError(errors, 'answer')}
              >
                <textarea id="f-answer" name="answer" rows={5} maxlength={MAX_CLARIFICATION}>
                  {raw.answer ?? ''}
                </textarea>
              </FormGroup>
              <button type="submit" class="button">
                {t('portal.clarify.send')}
              </button>
            </>,
          )
        : null}
      <RequestNotices c={c} request={r} deadline={deadline} />
      <StatusBlock c={c} request={r} timeline={timeline} showMessages />
      <AnswerFiles t={t} locale={c.var.locale} timeZone={deps.config.agency.timezone} downloads={downloads} />
      {!surveyDone
        ? action(
            'encuesta',
            <>
              <h2>{t('portal.survey.title')}</h2>
              <ChoiceGroup
                field="answered"
                legend={t('portal.survey.q_answered')}
                type="radio"
                errors={errors}
                selected={[raw.answered ?? '']}
                options={(['yes', 'partly', 'no'] as const).map((v) => ({
                  value: v,
                  label: t(`portal.survey.answered.${v}`),
                }))}
              />
              <ChoiceGroup
                field="ease"
                legend={t('portal.survey.q_ease')}
                hint={t('portal.survey.ease_hint')}
                type="radio"
                errors={errors}
                selected={[raw.ease ?? '']}
                options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))}
              />
              <FormGroup
                field="comment"
                label={t('portal.survey.q_comment')}
                error={fieldError(errors, 'comment')}
              >
                <textarea id="f-comment" name="comment" rows={3} maxlength={SURVEY_COMMENT_MAX}>
                  {raw.comment ?? ''}
                </textarea>
              </FormGroup>
              <button type="submit" class="button">
                {t('portal.survey.send')}
              </button>
            </>,
          )
        : null}
      {r.status === 'delivered' && surveyDone ? <p>{t('portal.survey.thanks')}</p> : null}
      {canTransition(r.status, 'cancel') ? (
        <p>
          <a href={`${base}/cancelar`}>{t('portal.cancel.link')}</a>
        </p>
      ) : null}
    </>,
  );
}

portalRoutes.get('/mis-solicitudes/:folio', (c) => detailPage(c, c.req.param('folio')));

portalRoutes.post('/mis-solicitudes/:folio/aclaracion', async (c) => {
  const { deps, locale } = c.var;
  const folio = c.req.param('folio');
  const answer = str(await readForm(c), 'answer');
  try {
    await answerClarification(deps, { actor: signedIn(c), folio, answer, locale });
  } catch (err) {
    if (err instanceof InvalidInputError) return detailPage(c, folio, err.fields, { answer });
    throw err;
  }
  return c.redirect(`/mis-solicitudes/${encodeURIComponent(folio)}`, 303);
});

portalRoutes.get('/mis-solicitudes/:folio/cancelar', async (c) => {
  const { t, deps } = c.var;
  const actor = c.var.requester;
  if (!actor) return c.redirect('/mis-solicitudes', 303);
  const r = await loadOwnRequest(deps, actor, c.req.param('folio'));
  const base = `/mis-solicitudes/${encodeURIComponent(r.folio)}`;
  return renderPage(
    c,
    { title: t('portal.cancel.title', { folio: r.folio }) },
    <>
      <h1>{t('portal.cancel.title', { folio: r.folio })}</h1>
      <p>{t('portal.cancel.body')}</p>
      <form method="post" action={`${base}/cancelar`}>
        <CsrfField token={c.var.csrfToken} />
        <button type="submit" class="button button--warning">
          {t('portal.cancel.confirm')}
        </button>
        <a href={base}>{t('portal.cancel.keep')}</a>
      </form>
    </>,
  );
});

portalRoutes.post('/mis-solicitudes/:folio/cancelar', async (c) => {
  const { deps } = c.var;
  const folio = c.req.param('folio');
  await cancelRequest(deps, signedIn(c), { folio });
  return c.redirect(`/mis-solicitudes/${encodeURIComponent(folio)}`, 303);
});

portalRoutes.post('/mis-solicitudes/:folio/encuesta', async (c) => {
  const { deps, locale } = c.var;
  const folio = c.req.param('folio');
  const form = await readForm(c);
  const answers = { answered: str(form, 'answered'), ease: str(form, 'ease'), comment: str(form, 'comment') };
  try {
    await submitSurvey(deps, { actor: signedIn(c), folio, locale, answers });
  } catch (err) {
    if (err instanceof InvalidInputError) return detailPage(c, folio, err.fields, answers);
    throw err;
  }
  return c.redirect(`/mis-solicitudes/${encodeURIComponent(folio)}`, 303);
});

portalRoutes.get('/mis-solicitudes/:folio/documentos/:sha256', async (c) => {
  const r = await loadOwnRequest(c.var.deps, signedIn(c), c.req.param('folio'));
  return sendRequestDocument(c, r, c.req.param('sha256'));
});

// ---- Tracking link (from the acknowledgment) ----

portalRoutes.get('/seguimiento/:folio/:token/documentos/:sha256', async (c) => {
  const r = await loadByTrackingToken(c.var.deps, c.req.param('folio'), c.req.param('token'));
  return sendRequestDocument(c, r, c.req.param('sha256'));
});

portalRoutes.get('/seguimiento/:folio/:token', async (c) => {
  const { t, deps } = c.var;
  const token = c.req.param('token');
  const r = await loadByTrackingToken(deps, c.req.param('folio'), token);
  const timeline = await requesterTimeline(deps, r.id);
  const deadline = await pendingClarificationDeadline(deps, r);
  const downloads = await answerDownloads(deps, r, token, c.var.locale);
  return renderPage(
    c,
    { title: t('portal.detail.title', { folio: r.folio }), scripts: liveScripts(c, r) },
    <>
      <h1>{t('portal.detail.title', { folio: r.folio })}</h1>
      <p class="lead">{summarizeQuestion(portalCatalog(), r, c.var.locale)}</p>
      <RequestNotices c={c} request={r} deadline={deadline} />
      <StatusBlock c={c} request={r} timeline={timeline} showMessages />
      <AnswerFiles t={t} locale={c.var.locale} timeZone={deps.config.agency.timezone} downloads={downloads} />
      <p>
        <a href="/mis-solicitudes">{t('portal.track.act')}</a>
      </p>
    </>,
  );
});

// ---- Status by folio and e-mail, without signing in ----

function lookupForm(c: Context<AppEnv>, values: { folio: string; email: string }, errors: FieldError[]) {
  const { t } = c.var;
  return (
    <form method="post" action="/consulta" novalidate>
      <CsrfField token={c.var.csrfToken} />
      <TextField
        field="folio"
        name="folio"
        label={t('portal.lookup.folio')}
        hint={t(
          'portal.lookup.folio_hint',
          agencyTextParams(c.var.deps.config.agency, c.var.deps.clock.now()),
        )}
        errors={errors}
        value={values.folio}
        maxlength={30}
      />
      <TextField
        field="email"
        name="email"
        type="email"
        label={t('portal.field.email')}
        errors={errors}
        value={values.email}
        maxlength={254}
        autocomplete="email"
      />
      <button type="submit" class="button">
        {t('portal.lookup.submit')}
      </button>
    </form>
  );
}

portalRoutes.get('/consulta', (c) => {
  const { t } = c.var;
  return renderPage(
    c,
    { title: t('portal.lookup.title') },
    <>
      <h1>{t('portal.lookup.title')}</h1>
      <p>{t('portal.lookup.intro')}</p>
      {lookupForm(c, { folio: (c.req.query('folio') ?? '').slice(0, 30), email: '' }, [])}
    </>,
  );
});

// A look-up changes nothing, so the answer is shown in the POST response (like a search).
portalRoutes.post('/consulta', async (c) => {
  const { t, deps } = c.var;
  const form = await readForm(c);
  const values = {
    folio: str(form, 'folio').trim().slice(0, 30),
    email: str(form, 'email').trim().slice(0, 254),
  };
  const errors: FieldError[] = [];
  if (!values.folio) errors.push({ field: 'folio', message: t('portal.err.folio_required') });
  if (!values.email) errors.push({ field: 'email', message: t('portal.err.email_required') });
  let request: RequestRow | null = null;
  if (errors.length === 0) {
    await hitRateLimit(deps, 'lookup:ip', clientIp(c));
    request = await loadByFolioAndEmail(deps, values.folio, values.email).catch((err) => {
      if (err instanceof NotFoundError) return null;
      throw err;
    });
    if (!request) errors.push({ field: 'folio', message: t('portal.err.lookup_not_found') });
  }
  if (!request) {
    return renderPage(
      c,
      { title: `${t('portal.error_prefix')} ${t('portal.lookup.title')}`, status: 400 },
      <>
        <ErrorSummary title={t('error.summary_title')} errors={errors} />
        <h1>{t('portal.lookup.title')}</h1>
        {lookupForm(c, values, errors)}
      </>,
    );
  }
  const timeline = await requesterTimeline(deps, request.id);
  return renderPage(
    c,
    { title: t('portal.detail.title', { folio: request.folio }) },
    <>
      <h1>{t('portal.detail.title', { folio: request.folio })}</h1>
      <StatusBlock c={c} request={request} timeline={timeline} showMessages={false} />
      <p>
        <a href="/mis-solicitudes">{t('portal.track.act')}</a>
      </p>
    </>,
  );
});
