import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { enqueueJob } from '../../db/outbox.ts';
import {
  addTimelineEvent,
  findRequestByFolio,
  moveRequestStatus,
  type NewRequestRow,
  type RequestRow,
} from '../../db/requests.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { type RequestAction, transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { requesterRequestUrl, requestLinkExpiry } from '../requests/request-link.ts';

export async function loadRequest(deps: Deps, folio: string): Promise<RequestRow> {
  const req =
    typeof folio === 'string' && folio.length <= 40 ? await findRequestByFolio(deps.db, folio) : undefined;
  if (!req) throw new NotFoundError('request');
  return req;
}

export type RequesterMail = { template: string; data: Record<string, unknown> };

/**
 * The common body of a staff transition, run inside the use case's one transaction: move the status
 * (UPDATE … WHERE status = expected, so a concurrent move loses), add the timeline event, append the
 * audit entry and queue the requester's e-mail.
 */
export async function commitTransition(
  tx: Database,
  _deps: Deps,
  actor: Actor,
  req: RequestRow,
  action: RequestAction,
  opts: {
    now: Date;
    changes?: Partial<Omit<NewRequestRow, 'id' | 'status'>>;
    message?: string | null;
    visibleToRequester?: boolean;
    auditData?: Record<string, unknown>;
    mail?: RequesterMail;
  },
): Promise<RequestRow> {
  const next = transition(req.status, action);
  const moved = await moveRequestStatus(tx, req.id, req.status, next, opts.changes ?? {}, opts.now);
  await addTimelineEvent(tx, {
    requestId: req.id,
    at: opts.now,
    actor: actorLabel(actor),
    action,
    fromStatus: req.status,
    toStatus: next,
    visibleToRequester: opts.visibleToRequester ?? true,
    message: opts.message ?? null,
  });
  await appendAudit(tx, {
    actor,
    action: `request.${action}`,
    subject: req.folio,
    data: { from: req.status, to: next, ...opts.auditData },
    at: opts.now,
  });
  if (opts.mail) await queueRequesterMail(tx, req, opts.mail, opts.now);
  return moved;
}

export async function queueRequesterMail(tx: Database, req: RequestRow, mail: RequesterMail, now: Date) {
  if (req.anonymizedAt) return;
  await enqueueJob(tx, {
    kind: 'mail.send',
    dedupeKey: `mail:${mail.template}:${req.folio}:${now.getTime()}`,
    runAt: now,
    payload: {
      template: mail.template,
      to: req.requesterEmail,
      locale: 'es-MX',
      data: { folio: req.folio, ...mail.data },
    },
  });
}

/**
 * The requester's "your request is now …" e-mail; its button opens the request itself with a
 * single-use link (requesterRequestUrl), so call it inside the transaction that queues the mail.
 */
export async function statusChangedMail(
  tx: Database,
  deps: Deps,
  req: RequestRow,
  now: Date,
  status: string,
  message?: string,
): Promise<RequesterMail> {
  const trackingUrl = await requesterRequestUrl(tx, deps, req, now);
  return {
    template: 'request.status_changed',
    data: {
      status,
      trackingUrl,
      trackingExpiresAt: requestLinkExpiry(now).toISOString(),
      ...(message ? { message } : {}),
    },
  };
}
