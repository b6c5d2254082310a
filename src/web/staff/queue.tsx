import { Hono } from 'hono';
import { REQUEST_STATUSES } from '../../domain/request-lifecycle.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { portalCatalog, sectorName } from '../../services/requests/catalog.ts';
import { listAssignableStaff } from '../../services/staff/list-assignable-staff.ts';
import { listRequests, type QueueSla } from '../../services/staff/list-requests.ts';
import { indicatorNames, placeLabel } from '../../services/staff/request-words.ts';
import { fieldId } from '../components/form.tsx';
import type { AppEnv } from '../context.ts';
import { requireStaff } from './auth.ts';
import { staffPage } from './layout.tsx';

export const queueRoutes = new Hono<AppEnv>();

const SLA_CLASS: Record<QueueSla, string> = {
  on_time: 'badge badge--ok',
  due_soon: 'badge badge--warn',
  overdue: 'badge badge--bad',
  paused: 'badge',
  closed: 'badge',
  none: 'badge',
};

// The "otro" text is the requester's own words: long ones are cut in the queue (whole on the request page).
const OTHER_TEXT_MAX = 140;
const clip = (s: string) => (s.length > OTHER_TEXT_MAX ? `${s.slice(0, OTHER_TEXT_MAX - 1)}…` : s);

queueRoutes.get('/solicitudes', requireStaff('request.view'), async (c) => {
  const { t, deps, locale } = c.var;
  const { filter, items, counts, truncated } = await listRequests(deps, c.var.staff, c.req.query());
  const people = await listAssignableStaff(deps, c.var.staff);
  const catalog = portalCatalog(deps.config.agency);
  const select = (name: string, label: string, current: string, options: [string, string][]) => (
    <div class="form-group form-group--inline">
      <label class="label" for={fieldId(name)}>
        {label}
      </label>
      <select class="select" id={fieldId(name)} name={name}>
        {options.map(([value, text]) => (
          <option value={value} selected={value === current}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return staffPage(
    c,
    t('staff.queue.title'),
    <>
      <h1>{t('staff.queue.title')}</h1>
      <h2 class="visually-hidden">{t('staff.queue.counts')}</h2>
      <ul class="status-counts">
        {REQUEST_STATUSES.map((s) => (
          <li>
            <a href={`/staff/solicitudes?status=${s}`}>
              {t(`status.${s}`)}: <strong>{counts[s]}</strong>
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action="/staff/solicitudes" class="filters">
        {select('status', t('staff.queue.filter.status'), filter.status, [
          ['open', t('staff.queue.filter.open')],
          ['all', t('staff.queue.filter.all')],
          ...REQUEST_STATUSES.map((s) => [s, t(`status.${s}`)] as [string, string]),
        ])}
        {select('assignee', t('staff.queue.filter.assignee'), filter.assignee, [
          ['', t('staff.queue.filter.anyone')],
          ['me', t('staff.queue.filter.me')],
          ['none', t('staff.queue.filter.unassigned')],
          ...people.map((p) => [p.id, p.name] as [string, string]),
        ])}
        {select('due', t('staff.queue.filter.due'), filter.due, [
          ['', t('staff.queue.filter.any_due')],
          ['on_time', t('staff.sla.on_time')],
          ['due_soon', t('staff.sla.due_soon')],
          ['overdue', t('staff.sla.overdue')],
          ['paused', t('staff.sla.paused')],
        ])}
        {select('sector', t('staff.queue.filter.sector'), filter.sector, [
          ['', t('staff.queue.filter.any_sector')],
          ...deps.config.agency.sectors.map(
            (s) => [s, sectorName(t, locale, deps.config.agency, s)] as [string, string],
          ),
        ])}
        <div class="form-group form-group--inline">
          <label class="label" for={fieldId('geo')}>
            {t('staff.queue.filter.geo')}
          </label>
          <p class="hint" id={`${fieldId('geo')}-hint`}>
            {t('staff.queue.filter.geo_hint')}
          </p>
          <input
            class="input"
            id={fieldId('geo')}
            name="geo"
            value={filter.geo}
            aria-describedby={`${fieldId('geo')}-hint`}
          />
        </div>
        <button class="button" type="submit">
          {t('staff.queue.filter.apply')}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{t('staff.queue.empty')}</p>
      ) : (
        <table class="table">
          <caption>{t('staff.queue.caption', { n: items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.col.folio')}</th>
              <th scope="col">{t('staff.col.status')}</th>
              <th scope="col">{t('staff.col.sla')}</th>
              <th scope="col">{t('staff.col.due')}</th>
              <th scope="col">{t('staff.col.question')}</th>
              <th scope="col">{t('staff.col.sector')}</th>
              <th scope="col">{t('staff.col.assignee')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/staff/solicitudes/${encodeURIComponent(r.folio)}`}>{r.folio}</a>
                </th>
                <td>{t(`status.${r.status}`)}</td>
                <td>
                  <span class={SLA_CLASS[r.sla]}>{t(`staff.sla.${r.sla}`)}</span>
                </td>
                <td>{r.dueAt ? formatDateTime(r.dueAt, locale, deps.config.agency.timezone) : '—'}</td>
                <td>
                  {[
                    ...indicatorNames(t, r.indicators),
                    ...(r.otherText ? [t('staff.words.other_text', { text: clip(r.otherText) })] : []),
                  ].join('; ')}{' '}
                  · {placeLabel(t, catalog, r.geo, r.polygon)} · {r.years.join(', ')}
                </td>
                <td>{sectorName(t, locale, deps.config.agency, r.sector)}</td>
                <td>{r.assigneeName ?? t('staff.queue.unassigned')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {truncated ? <p>{t('staff.queue.truncated')}</p> : null}
    </>,
  );
});
