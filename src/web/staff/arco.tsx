import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldError } from '../../domain/errors.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { ARCO_WORKING_DAYS } from '../../services/privacy/arco-deadline.ts';
import {
  ARCO_PERMISSION,
  listArcoRequests,
  viewArcoRequest,
} from '../../services/privacy/list-arco-requests.ts';
import { ARCO_NOTE_MAX, resolveArcoRequest } from '../../services/privacy/resolve-arco-request.ts';
import { CsrfField, ErrorSummary, FormGroup, fieldError } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { ChoiceGroup } from '../requester/form-helpers.tsx';
import { requireStaff } from './auth.ts';
import { type FormValues, formStrings, staffPage, submitForm } from './layout.tsx';

const codeParam = (c: Context<AppEnv>) => c.req.param('code')?.slice(0, 40) ?? '';

async function detailPage(c: Context<AppEnv>, errors: FieldError[] = [], values: FormValues = {}) {
  const { t, deps, locale } = c.var;
  const tz = deps.config.agency.timezone;
  const { arco, requests } = await viewArcoRequest(deps, c.var.staff, codeParam(c));
  const title = t('privacy.staff.detail_title', { code: arco.code });
  return staffPage(
    c,
    title,
    <>
      <p>
        <a href="/staff/arco" class="back-link">
          {t('privacy.staff.back')}
        </a>
      </p>
      <ErrorSummary title={t('error.summary_title')} errors={errors} />
      <h1>{title}</h1>
      <dl class="summary-list">
        <div>
          <dt>{t('privacy.staff.col.kind')}</dt>
          <dd>{t(`privacy.staff.kind.${arco.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('privacy.staff.col.status')}</dt>
          <dd>{t(`privacy.staff.status.${arco.status}`)}</dd>
        </div>
        <div>
          <dt>{t('privacy.staff.col.received')}</dt>
          <dd>{formatDateTime(arco.receivedAt, locale, tz)}</dd>
        </div>
        <div>
          <dt>{t('privacy.staff.col.due')}</dt>
          <dd>{formatDate(arco.dueAt, locale, tz)}</dd>
        </div>
        {arco.email ? (
          <div>
            <dt>{t('privacy.staff.email')}</dt>
            <dd>{arco.email}</dd>
          </div>
        ) : null}
      </dl>
      {arco.status === 'pending' ? (
        <>
          <h2>{t('privacy.staff.requests')}</h2>
          {requests.length === 0 ? (
            <p>{t('privacy.staff.requests_none')}</p>
          ) : (
            <ul>
              {requests.map((r) => (
                <li>
                  <a href={`/staff/solicitudes/${encodeURIComponent(r.folio)}`}>{r.folio}</a> —{' '}
                  {t(`status.${r.status}` as Parameters<typeof t>[0])}
                  {r.open ? <strong class="tag tag--warn"> {t('privacy.staff.open')}</strong> : null}
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/staff/arco/${encodeURIComponent(arco.code)}`} novalidate>
            <CsrfField token={c.var.csrfToken} />
            <ChoiceGroup
              field="decision"
              legend={t('privacy.staff.decision')}
              type="radio"
              errors={errors}
              selected={[values.decision ?? '']}
              options={[
                { value: 'complete', label: t('privacy.staff.decision.complete') },
                { value: 'reject', label: t('privacy.staff.decision.reject') },
              ]}
            />
            <FormGroup
              field="note"
              label={t('privacy.staff.note')}
              hint={t('privacy.staff.note_hint')}
              error={fieldError(errors, 'note')}
            >
              <textarea id="f-note" name="note" rows={4} maxlength={ARCO_NOTE_MAX}>
                {values.note ?? ''}
              </textarea>
            </FormGroup>
            <button type="submit" class="button">
              {t('privacy.staff.submit')}
            </button>
          </form>
        </>
      ) : (
        <p>
          {t('privacy.staff.resolved', {
            date: arco.resolvedAt ? formatDateTime(arco.resolvedAt, locale, tz) : '',
            count: arco.requestsAnonymized ?? 0,
          })}
        </p>
      )}
    </>,
    errors.length > 0 ? 400 : 200,
  );
}

/** /staff/arco: ARCO requests with their own deadline; staff grant (anonymise) or refuse them. */
export const arcoStaffRoutes = new Hono<AppEnv>()
  .get('/arco', requireStaff(ARCO_PERMISSION), async (c) => {
    const { t, deps, locale } = c.var;
    const tz = deps.config.agency.timezone;
    const list = await listArcoRequests(deps, c.var.staff);
    const now = deps.clock.now();
    const done = c.req.query('respondida')?.slice(0, 40);
    return staffPage(
      c,
      t('privacy.staff.title'),
      <>
        <h1>{t('privacy.staff.title')}</h1>
        {done ? (
          <div class="notice" role="status">
            <p>{t('privacy.staff.done', { code: done })}</p>
          </div>
        ) : null}
        <p>{t('privacy.staff.lead', { days: ARCO_WORKING_DAYS })}</p>
        {list.length === 0 ? (
          <p>{t('privacy.staff.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('privacy.staff.col.code')}</th>
                <th scope="col">{t('privacy.staff.col.kind')}</th>
                <th scope="col">{t('privacy.staff.col.received')}</th>
                <th scope="col">{t('privacy.staff.col.due')}</th>
                <th scope="col">{t('privacy.staff.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr>
                  <td>
                    <a href={`/staff/arco/${encodeURIComponent(a.code)}`}>{a.code}</a>
                  </td>
                  <td>{t(`privacy.staff.kind.${a.kind}`)}</td>
                  <td>{formatDate(a.receivedAt, locale, tz)}</td>
                  <td>
                    {formatDate(a.dueAt, locale, tz)}
                    {a.status === 'pending' && a.dueAt < now ? (
                      <strong class="tag tag--late"> {t('privacy.staff.overdue')}</strong>
                    ) : null}
                  </td>
                  <td>{t(`privacy.staff.status.${a.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
    );
  })
  .get('/arco/:code', requireStaff(ARCO_PERMISSION), (c) => detailPage(c))
  .post('/arco/:code', requireStaff(ARCO_PERMISSION), async (c) => {
    const values = await formStrings(c);
    const code = codeParam(c);
    return submitForm(
      c,
      () => resolveArcoRequest(c.var.deps, c.var.staff, { code, body: values, t: c.var.t }),
      (errors) => detailPage(c, errors, values),
      `/staff/arco?respondida=${encodeURIComponent(code)}`,
    );
  });
