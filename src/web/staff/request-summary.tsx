import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { portalCatalog, sectorName } from '../../services/requests/catalog.ts';
import {
  actorWords,
  eventLabel,
  formatLabel,
  indicatorNames,
  placeLabel,
} from '../../services/staff/request-words.ts';
import type { viewRequest } from '../../services/staff/view-request.ts';
import type { AppEnv } from '../context.ts';

/** What the staff request page shows about one request (from `viewRequest`). */
export type RequestView = Awaited<ReturnType<typeof viewRequest>>;

type Preview = {
  geoName: string;
  rows: { indicatorName: string; geoName: string; year: number; value: unknown; decimals?: number }[];
} | null;

function Row(props: { term: string; children: Child }) {
  return (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** Status, dates and assignee, then what was asked, every code in words. */
export function RequestSummary(props: { c: Context<AppEnv>; view: RequestView; sla: string | null }) {
  const { t, deps, locale } = props.c.var;
  const { view, sla } = props;
  const req = view.request;
  const tz = deps.config.agency.timezone;
  const catalog = portalCatalog(deps.config.agency);
  const place = placeLabel(t, catalog, req.geo, view.polygon);
  return (
    <>
      <dl class="summary-list">
        <Row term={t('staff.col.status')}>{t(`status.${req.status}`)}</Row>
        <Row term={t('staff.request.received')}>{formatDateTime(req.receivedAt, locale, tz)}</Row>
        <Row term={t('staff.col.due')}>
          {req.dueAt ? formatDateTime(req.dueAt, locale, tz) : '—'}{' '}
          {sla ? <span class="badge">{t(`staff.sla.${sla}` as Parameters<typeof t>[0])}</span> : null}
        </Row>
        <Row term={t('staff.col.assignee')}>{view.assignee?.name ?? t('staff.queue.unassigned')}</Row>
      </dl>

      <h2>{t('staff.request.question')}</h2>
      <dl class="summary-list">
        <Row term={t('staff.request.indicators')}>
          {req.indicators.length > 0 ? (
            <ul class="plain-list">
              {indicatorNames(t, req.indicators).map((name) => (
                <li>{name}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </Row>
        {req.otherText ? (
          <Row term={t('staff.request.other')}>
            <p class="timeline-message">{req.otherText}</p>
          </Row>
        ) : null}
        <Row term={t('staff.request.geo')}>{place}</Row>
        <Row term={t('staff.request.years')}>{req.years.join(', ')}</Row>
        <Row term={t('staff.request.formats')}>{req.formats.map((f) => formatLabel(t, f)).join(', ')}</Row>
        <Row term={t('staff.request.purpose')}>{req.purpose}</Row>
        <Row term={t('staff.col.sector')}>
          {sectorName(t, locale, deps.config.agency, req.requesterSector)}
        </Row>
      </dl>
      {view.polygon && view.polygon.length > 0 ? (
        <PolygonDetail c={props.c} view={view} place={place} />
      ) : null}
    </>
  );
}

/** A polygon: the map over the municipal boundaries (when they are loaded) and every share in words. */
function PolygonDetail(props: { c: Context<AppEnv>; view: RequestView; place: string }) {
  const { t } = props.c.var;
  const shares = props.view.polygon ?? [];
  const svg = props.view.polygonMap(t('staff.words.polygon_map', { detail: props.place }));
  return (
    <figure class="polygon-figure">
      {svg ? raw(svg) : null}
      <figcaption>
        {t('staff.words.polygon_all')}:
        <ul class="plain-list">
          {shares.map((s) => (
            <li>
              {t('staff.words.municipality', { name: s.name, code: s.code })}:{' '}
              {s.share * 100 < 1 ? '<1' : formatNumber(s.share * 100, 1)} %
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** The engine's figures for the question as asked, when it can answer it. */
export function DataPreview(props: { c: Context<AppEnv>; preview: Preview }) {
  const { t } = props.c.var;
  const { preview } = props;
  return (
    <>
      <h2>{t('staff.request.preview')}</h2>
      {preview ? (
        <table class="table">
          <caption>{preview.geoName}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.request.indicators')}</th>
              <th scope="col">{t('staff.request.geo')}</th>
              <th scope="col">{t('staff.request.years')}</th>
              <th scope="col" class="num">
                {t('staff.request.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, 50).map((r) => (
              <tr>
                <td>{r.indicatorName}</td>
                <td>{r.geoName}</td>
                <td>{r.year}</td>
                <td class="num">
                  {typeof r.value === 'number' ? formatNumber(r.value, r.decimals) : String(r.value ?? '—')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('staff.request.preview_none')}</p>
      )}
    </>
  );
}

/** The internal working files, with who uploaded each and when. */
export function RequestFiles(props: { c: Context<AppEnv>; view: RequestView; base: string }) {
  const { t, deps, locale } = props.c.var;
  const { view, base } = props;
  return (
    <>
      <h2>{t('staff.request.files')}</h2>
      {view.files.length === 0 ? (
        <p>{t('staff.request.files_none')}</p>
      ) : (
        <ul>
          {view.files.map((f) => (
            <li>
              <a href={`${base}/archivos/${f.id}`}>{f.name}</a> ({formatNumber(f.size / 1024, 1)} KB, SHA-256{' '}
              <code>{f.sha256.slice(0, 12)}…</code>) ·{' '}
              {t('staff.request.file_by', {
                who: actorWords(t, `staff:${f.uploadedBy}`, view.staffNames),
                at: formatDateTime(f.uploadedAt, locale, deps.config.agency.timezone),
              })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The timeline: each event's action in words, who did it, the status it led to, and its message. */
export function RequestTimeline(props: { c: Context<AppEnv>; view: RequestView }) {
  const { t, deps, locale } = props.c.var;
  const tz = deps.config.agency.timezone;
  return (
    <>
      <h2>{t('staff.request.timeline')}</h2>
      <ol class="timeline">
        {props.view.events.map((e) => (
          <li>
            <strong>{formatDateTime(e.at, locale, tz)}</strong> · {eventLabel(t, e.action)}
            {e.toStatus && e.toStatus !== e.fromStatus ? ` → ${t(`status.${e.toStatus}`)}` : ''}
            {e.visibleToRequester ? '' : ` (${t('staff.request.internal')})`}
            <br />
            <span class="muted">
              {t('staff.request.event_by', { who: actorWords(t, e.actor, props.view.staffNames) })}
            </span>
            {e.message ? <p class="timeline-message">{e.message}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
