import type { Context } from 'hono';
import { formatDateTime } from '../../../i18n/format.ts';
import type { AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';

/** The request as the confirmation page shows it. */
export type Acknowledged = { folio: string; dueAt: Date | null };

/** After sending: the folio, when the answer is due, and the private tracking link. */
export function renderConfirmation(c: Context<AppEnv>, request: Acknowledged, token: string) {
  const { t, deps, locale } = c.var;
  const tz = deps.config.agency.timezone;
  const tracking = `/seguimiento/${encodeURIComponent(request.folio)}/${token}`;
  return renderPage(
    c,
    { title: t('portal.confirm.title') },
    <>
      <div class="panel panel--confirmation">
        <h1>{t('portal.confirm.title')}</h1>
        <p>
          {t('portal.confirm.folio_label')}
          <strong class="folio">{request.folio}</strong>
        </p>
      </div>
      <p>{t('portal.confirm.email_sent')}</p>
      <h2>{t('portal.confirm.next_title')}</h2>
      <p>
        {request.dueAt
          ? t('portal.confirm.next_due', { due: formatDateTime(request.dueAt, locale, tz) })
          : t('portal.confirm.next_no_due')}
      </p>
      <p>{t('journey.confirm.next_auto')}</p>
      <h2>{t('portal.confirm.track_title')}</h2>
      <p>{t('portal.confirm.track_body')}</p>
      <p>
        <a href={tracking}>{t('portal.confirm.track_link')}</a>
      </p>
      <p>
        <a href="/mis-solicitudes">{t('portal.confirm.my_requests')}</a>
      </p>
    </>,
  );
}
