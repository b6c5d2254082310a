import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent, moveRequestStatus, type RequestRow } from '../../db/requests.ts';
import type { Actor } from '../../domain/actor.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';
import { requesterRequestUrl, requestLinkExpiry } from './request-link.ts';
import { loadOwnRequest } from './requester-view.ts';

/** The requester withdraws an open request: it is closed as cancelled and they get a confirmation. */
export async function cancelRequest(
  deps: Deps,
  cmd: { actor: Actor; folio: string; locale: Locale },
): Promise<RequestRow> {
  const request = await loadOwnRequest(deps, cmd.actor, cmd.folio);
  const next = transition(request.status, 'cancel');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const moved = await moveRequestStatus(
      tx,
      request.id,
      request.status,
      next,
      { closedAt: now, pausedAt: null },
      now,
    );
    await addTimelineEvent(tx, {
      requestId: request.id,
      at: now,
      actor: 'requester',
      action: 'cancelled_by_requester',
      fromStatus: request.status,
      toStatus: next,
    });
    await appendAudit(tx, {
      actor: cmd.actor,
      action: 'request.cancelled',
      subject: request.folio,
      data: { from: request.status },
      at: now,
    });
    await queueMail(tx, deps, {
      template: 'request.status_changed',
      to: request.requesterEmail,
      locale: cmd.locale,
      data: {
        folio: request.folio,
        status: next,
        trackingUrl: await requesterRequestUrl(tx, deps, request, now),
        trackingExpiresAt: requestLinkExpiry(now).toISOString(),
      },
      dedupeKey: `mail:request.status_changed:${request.folio}:cancelled`,
    });
    return moved;
  });
}
