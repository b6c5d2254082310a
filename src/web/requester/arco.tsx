import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { FieldError } from '../../domain/errors.ts';
import { formatDate } from '../../i18n/format.ts';
import { ARCO_WORKING_DAYS } from '../../services/privacy/arco-deadline.ts';
import { exportRequesterData } from '../../services/privacy/export-requester-data.ts';
import { findPendingErasure } from '../../services/privacy/find-pending-erasure.ts';
import { requestErasure } from '../../services/privacy/request-erasure.ts';
import { CsrfField, ErrorSummary } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { renderPage } from '../render.tsx';
import { ChoiceGroup, readForm, str } from './form-helpers.tsx';

// Under /mis-solicitudes: the requester's session cookie is scoped there, and the portal's session
// middleware (mounted before these routes) sets c.var.requester. Two segments, so the portal's
// /mis-solicitudes/:folio does not take them.
const BASE = '/mis-solicitudes/datos-personales';
export const ARCO_PAGE = `${BASE}/derechos`;

async function arcoPage(c: Context<AppEnv>, errors: FieldError[] = []) {
  const { t, deps, locale } = c.var;
  const actor = c.var.requester;
  if (!actor) return c.redirect('/mis-solicitudes', 303);
  const pending = await findPendingErasure(deps, actor);
  const tz = deps.config.agency.timezone;
  return renderPage(
    c,
    { title: t('privacy.arco.title'), status: errors.length > 0 ? 400 : 200 },
    <>
      <p>
        <a href="/mis-solicitudes" class="back-link">
          {t('privacy.arco.back')}
        </a>
      </p>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <h1>{t('privacy.arco.title')}</h1>
      <p class="lead">{t('privacy.arco.lead')}</p>
      <p>
        <a href="/aviso-de-privacidad">{t('privacy.arco.notice_link')}</a>
      </p>
      <h2>{t('privacy.arco.export_title')}</h2>
      <p>{t('privacy.arco.export_body')}</p>
      <p>
        <a class="button button--secondary" href={`${BASE}/descarga`} download>
          {t('privacy.arco.export_button')}
        </a>
      </p>
      <h2>{t('privacy.arco.erase_title')}</h2>
      {pending ? (
        <div class="panel" role="status">
          <h3>{t('privacy.arco.requested_title')}</h3>
          <p>
            {t('privacy.arco.pending', {
              code: pending.code,
              received: formatDate(pending.receivedAt, locale, tz),
              due: formatDate(pending.dueAt, locale, tz),
            })}
          </p>
        </div>
      ) : (
        <>
          <p>{t('privacy.arco.erase_body')}</p>
          <p>{t('privacy.arco.erase_deadline', { days: ARCO_WORKING_DAYS })}</p>
          <form method="post" action={`${BASE}/eliminacion`} novalidate>
            <CsrfField token={c.var.csrfToken} />
            <ChoiceGroup
              field="confirm"
              legend={t('privacy.arco.erase_title')}
              type="checkbox"
              errors={errors}
              selected={[]}
              options={[{ value: '1', label: t('privacy.arco.erase_confirm_label') }]}
            />
            <button type="submit" class="button button--warning">
              {t('privacy.arco.erase_button')}
            </button>
          </form>
        </>
      )}
    </>,
  );
}

/** ARCO rights of a requester signed in by e-mail link: download everything, ask for deletion. */
export const arcoRequesterRoutes = new Hono<AppEnv>()
  .get(ARCO_PAGE, (c) => arcoPage(c))
  .get(`${BASE}/descarga`, async (c) => {
    const actor = c.var.requester;
    if (!actor) return c.redirect('/mis-solicitudes', 303);
    const data = await exportRequesterData(c.var.deps, actor);
    return c.body(JSON.stringify(data, null, 2), 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="mis-datos-personales.json"',
      'cache-control': 'no-store',
    });
  })
  .post(`${BASE}/eliminacion`, async (c) => {
    const { t, deps } = c.var;
    const actor = c.var.requester;
    if (!actor) return c.redirect('/mis-solicitudes', 303);
    const form = await readForm(c);
    const confirmed = z.literal('1').safeParse(str(form, 'confirm'));
    if (!confirmed.success)
      return arcoPage(c, [{ field: 'confirm', message: t('privacy.err.confirm_required') }]);
    await requestErasure(deps, actor, c.var.locale);
    return c.redirect(ARCO_PAGE, 303);
  });
