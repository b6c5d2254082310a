import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
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
import type { MailData, MailTemplateName } from '../../mail/templates/index.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';
import { requesterRequestUrl, requestLinkExpiry } from '../requests/request-link.ts';

export async function loadRequest(deps: Deps, folio: string): Promise<RequestRow> {
  const req =
    typeof folio === 'string' && folio.length <= 40 ? await findRequestByFolio(deps.db, folio) : undefined;
  if (!req) throw new NotFoundError('request');
  return req;
}

/** The templates of e-mails about one request (their data carries its folio). */
type RequestMailTemplate = {
  [N in MailTemplateName]: MailData<N> extends { folio: string } ? N : never;
}[MailTemplateName];

/** An e-mail to the requester about their request: a template and its data (the compiler checks it) less the folio. */
export type RequesterMail = {
  [N in RequestMailTemplate]: { template: N; data: Omit<MailData<N>, 'folio'> };
}[RequestMailTemplate];

/**
 * The common body of a staff transition, run inside the use case's one transaction: move the status
 * (UPDATE … WHERE status = expected, so a concurrent move loses), add the timeline event, append the
 * audit entry and queue the requester's e-mail.
 */
export async function commitTransition(
  tx: Database,
  deps: Deps,
  actor: Actor,
  req: RequestRow,
  action: RequestAction,
  opts: {
    now: Date;
    /** The timeline event and audit action when they are not the lifecycle action's own name. */
    event?: string;
    auditAction?: string;
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
    action: opts.event ?? action,
    fromStatus: req.status,
    toStatus: next,
    visibleToRequester: opts.visibleToRequester ?? true,
    message: opts.message ?? null,
  });
  await appendAudit(tx, {
    actor,
    action: opts.auditAction ?? `request.${action}`,
    subject: req.folio,
    data: { from: req.status, to: next, ...opts.auditData },
    at: opts.now,
  });
  if (opts.mail) await queueRequesterMail(tx, deps, req, opts.mail, opts.now);
  return moved;
}

/**
 * Queues an e-mail to the requester about `req` in the caller's transaction, in the language the
 * request was made in; an anonymised request gets none.
 */
export async function queueRequesterMail(
  tx: Database,
  deps: Pick<Deps, 'clock'>,
  req: RequestRow,
  mail: RequesterMail,
  now: Date,
): Promise<void> {
  if (req.anonymizedAt) return;
  await queueMail(tx, deps, {
    template: mail.template,
    to: req.requesterEmail,
    locale: req.requesterLocale,
    data: { folio: req.folio, ...mail.data },
    dedupeKey: `mail:${mail.template}:${req.folio}:${now.getTime()}`,
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
