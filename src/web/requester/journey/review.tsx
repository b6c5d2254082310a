import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { FieldError } from '../../../domain/errors.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/index.ts';
import { geoName, indicatorName, portalCatalog, sectorName } from '../../../services/requests/catalog.ts';
import type { DraftState } from '../../../services/requests/drafts.ts';
import { createPowChallenge } from '../../../services/requests/proof-of-work.ts';
import { queryKey } from '../../../services/requests/request-input.ts';
import { MIN_NO_JS_JOURNEY_MS } from '../../../services/requests/submit-draft-request.ts';
import { findRecentDuplicate } from '../../../services/requests/submit-request.ts';
import { CsrfField } from '../../components/form.tsx';
import type { AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { FormTop } from '../form-helpers.tsx';
import { BASE } from './flow.ts';
import type { StepId } from './step.ts';
import { formatKey } from './steps/formats.tsx';

function Row(props: { label: string; value: Child; step: StepId; t: Translate }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
      <dd>
        <a href={`${BASE}/${props.step}?volver=revisar`}>
          {props.t('portal.change')}
          <span class="visually-hidden"> {props.label.toLowerCase()}</span>
        </a>
      </dd>
    </div>
  );
}

/** The whole request on one page, each answer with a link to change it, and the send form. */
export async function renderReview(c: Context<AppEnv>, s: DraftState, errors: FieldError[]) {
  const { t, deps, locale } = c.var;
  const catalog = portalCatalog(c.var.deps.config.agency);
  const r = s.requester!;
  const duplicate = await findRecentDuplicate(
    deps,
    r.email,
    queryKey({ indicators: s.indicators ?? [], geo: s.geo!, years: s.years ?? [] }),
    locale,
  );
  const challenge = await createPowChallenge(deps);
  // Whatever the refusal names (the anti-bot check, a late validation), the person's next move is the
  // send button: every summary link lands there, next to the inline message.
  const sendErrors = errors.map((e) => ({ ...e, field: 'submit' }));
  const none = t('portal.review.none');
  return renderPage(
    c,
    {
      title: t('portal.review.title'),
      status: errors.length > 0 ? 400 : 200,
      scripts: ['/static/altcha-solver.js'],
    },
    <>
      <FormTop c={c} back={`${BASE}/consentimiento`} errors={sendErrors} />
      <h1>{t('portal.review.title')}</h1>
      <h2>{t('portal.review.question')}</h2>
      <dl class="summary-list">
        <Row
          t={t}
          step="indicadores"
          label={t('portal.review.indicators')}
          value={
            (s.indicators ?? []).length > 0 ? (
              <ul>
                {(s.indicators ?? []).map((id) => (
                  <li>{indicatorName(t, id)}</li>
                ))}
              </ul>
            ) : (
              none
            )
          }
        />
        <Row t={t} step="indicadores" label={t('portal.review.other')} value={s.otherText || none} />
        <Row t={t} step="geografia" label={t('portal.review.geo')} value={geoName(catalog, t, s.geo!)} />
        <Row t={t} step="anios" label={t('portal.review.years')} value={(s.years ?? []).join(', ')} />
        <Row
          t={t}
          step="formatos"
          label={t('portal.review.formats')}
          value={(s.formats ?? []).map((f) => t(formatKey(f))).join(', ')}
        />
        <Row t={t} step="proposito" label={t('portal.review.purpose')} value={s.purpose} />
      </dl>
      <h2>{t('portal.review.you')}</h2>
      <dl class="summary-list">
        <Row t={t} step="datos" label={t('portal.field.name')} value={r.name} />
        <Row t={t} step="datos" label={t('portal.field.email')} value={r.email} />
        <Row
          t={t}
          step="datos"
          label={t('portal.field.sector')}
          value={sectorName(t, locale, deps.config.agency, r.sector)}
        />
        <Row t={t} step="datos" label={t('portal.field.organization')} value={r.organization || none} />
        <Row t={t} step="datos" label={t('portal.field.phone')} value={r.phone || none} />
        <Row
          t={t}
          step="consentimiento"
          label={t('portal.review.privacy')}
          value={t('portal.review.privacy_yes')}
        />
        <Row
          t={t}
          step="consentimiento"
          label={t('portal.review.publish')}
          value={s.publishConsent ? t('portal.review.publish_yes') : t('portal.review.publish_no')}
        />
      </dl>
      {duplicate ? (
        <section class="panel" aria-labelledby="duplicate-title">
          <h2 id="duplicate-title">{t('portal.duplicate.title')}</h2>
          <p>
            {t('portal.duplicate.body', {
              when: formatDateTime(duplicate.receivedAt, locale, deps.config.agency.timezone),
            })}
          </p>
        </section>
      ) : null}
      <h2>{t('portal.review.send_title')}</h2>
      <p>{t('portal.review.send_body', { hours: deps.config.agency.slaWorkingHours })}</p>
      <form method="post" action={`${BASE}/enviar`} id="submit-form" data-altcha={JSON.stringify(challenge)}>
        <CsrfField token={c.var.csrfToken} />
        <input type="hidden" name="altcha" value="" />
        {duplicate ? <input type="hidden" name="allowDuplicate" value="1" /> : null}
        <div class="visually-hidden" aria-hidden="true">
          <label for="f-website">{t('portal.honeypot')}</label>
          <input type="text" id="f-website" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        {/* The page says what happens without JavaScript; the solver script swaps in its own text. */}
        <p
          class="hint"
          id="altcha-status"
          aria-live="polite"
          data-js-note={t('journey.review.js_note')}
          data-working={t('journey.review.working')}
        >
          {t('journey.review.no_js_note', { seconds: MIN_NO_JS_JOURNEY_MS / 1000 })}
        </p>
        <div class={errors.length > 0 ? 'form-group form-group--error' : 'form-group'}>
          {errors.map((e) => (
            <p class="error-message">{e.message}</p>
          ))}
          <button type="submit" class="button" id="f-submit" data-prevent-double-click="true">
            {duplicate ? t('portal.duplicate.send_anyway') : t('portal.review.send')}
          </button>
        </div>
      </form>
    </>,
  );
}
