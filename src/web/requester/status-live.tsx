import type { Context } from 'hono';
import { raw } from 'hono/html';
import { formatDateTime } from '../../i18n/format.ts';
import { messageKeyOf } from '../../i18n/keys.ts';
import type { AppEnv } from '../context.ts';

/** What these notices read of a request. */
type LiveRequest = { status: string; receivedAt: Date };

/** How often the status page looks again while the automatic answer is being prepared. */
const REFRESH_SECONDS = 5;
/** After this long a request still `received` waits for a person: the page stops refreshing. */
const REFRESH_WINDOW_MS = 15 * 60_000;

function refreshes(c: Context<AppEnv>, r: LiveRequest): boolean {
  const recent = c.var.deps.clock.now().getTime() - r.receivedAt.getTime() < REFRESH_WINDOW_MS;
  return r.status === 'received' && recent && c.req.query('actualizar') !== 'no';
}

/** The status page's script (a poll that reloads on a change), only while the page is live. */
export function liveScripts(c: Context<AppEnv>, r: LiveRequest): string[] {
  return refreshes(c, r) ? ['/static/status-live.js'] : [];
}

/**
 * Above the status: while the automatic answer is on its way the page refreshes itself (without
 * JavaScript a meta refresh inside <noscript>; with it, status-live.js polls and reloads once the
 * status changes), with a link that turns it off (WCAG 2.2.1). While a prevención waits: the date it is
 * due and what happens after.
 */
export function RequestNotices(props: { c: Context<AppEnv>; request: LiveRequest; deadline: Date | null }) {
  const { c, request: r, deadline } = props;
  const { t, locale, deps } = c.var;
  const live = refreshes(c, r);
  return (
    <>
      <div
        id="request-live"
        data-status={r.status}
        data-live={live ? String(REFRESH_SECONDS) : undefined}
        data-status-label={t(messageKeyOf('status.', r.status))}
      >
        {live ? (
          <div class="inset">
            {/* Raw: hono/jsx would hoist a <meta> into <head>, where it would also refresh pages with JS. */}
            {raw(`<noscript><meta http-equiv="refresh" content="${REFRESH_SECONDS}"></noscript>`)}
            <p>{t('journey.status.refreshing', { seconds: REFRESH_SECONDS })}</p>
            <p>
              <a href="?actualizar=no">{t('journey.status.stop_refresh')}</a>
            </p>
          </div>
        ) : null}
      </div>
      {deadline ? (
        <div class="inset">
          <p>
            <strong>
              {t('journey.clarify.deadline', {
                deadline: formatDateTime(deadline, locale, deps.config.agency.timezone),
              })}
            </strong>
          </p>
          <p>{t('journey.clarify.after')}</p>
        </div>
      ) : null}
    </>
  );
}
