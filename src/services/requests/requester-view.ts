import { timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import { findRequestByFolio, type RequestRow } from '../../db/requests.ts';
import { requestEvents, requests, satisfactionSurveys } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { parseFolio } from '../../domain/folio.ts';
import type { Deps } from '../deps.ts';
import { normalizeEmail } from './request-input.ts';
import { sha256Hex } from './tokens.ts';

export type TimelineItem = { at: Date; action: string; toStatus: string | null; message: string | null };

/** The requests of the signed-in requester, newest first. */
export async function listMyRequests(deps: Deps, actor: Actor): Promise<RequestRow[]> {
  if (actor.type !== 'requester') return [];
  return deps.db
    .select()
    .from(requests)
    .where(eq(requests.requesterEmail, normalizeEmail(actor.email)))
    .orderBy(desc(requests.receivedAt))
    .limit(200);
}

/** One request of the signed-in requester; NotFound when it is someone else's (no leak of existence). */
export async function loadOwnRequest(deps: Deps, actor: Actor, folio: string): Promise<RequestRow> {
  const request = parseFolio(folio)
    ? await findRequestByFolio(deps.db, folio.trim().toUpperCase())
    : undefined;
  if (!request || actor.type !== 'requester' || request.requesterEmail !== normalizeEmail(actor.email)) {
    throw new NotFoundError('request');
  }
  return request;
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A request by folio and tracking token (the link in the acknowledgment, the API's Bearer token). */
export async function loadByTrackingToken(deps: Deps, folio: string, token: string): Promise<RequestRow> {
  const request = parseFolio(folio)
    ? await findRequestByFolio(deps.db, folio.trim().toUpperCase())
    : undefined;
  if (!request || !token || !sameHash(request.trackingTokenHash, sha256Hex(token)))
    throw new NotFoundError('request');
  return request;
}

/** A request by folio and the requester's e-mail (the /consulta page: status only). */
export async function loadByFolioAndEmail(deps: Deps, folio: string, email: string): Promise<RequestRow> {
  const request = parseFolio(folio)
    ? await findRequestByFolio(deps.db, folio.trim().toUpperCase())
    : undefined;
  if (!request || request.requesterEmail !== normalizeEmail(email)) throw new NotFoundError('request');
  return request;
}

/** What happened, as the requester may see it (internal notes left out). */
export async function requesterTimeline(deps: Deps, requestId: string): Promise<TimelineItem[]> {
  return deps.db
    .select({
      at: requestEvents.at,
      action: requestEvents.action,
      toStatus: requestEvents.toStatus,
      message: requestEvents.message,
    })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.visibleToRequester, true)))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id));
}

export async function hasSurvey(deps: Deps, requestId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ id: satisfactionSurveys.requestId })
    .from(satisfactionSurveys)
    .where(eq(satisfactionSurveys.requestId, requestId))
    .limit(1);
  return !!row;
}
