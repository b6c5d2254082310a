import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent, moveRequestStatus, type RequestRow } from '../../db/requests.ts';
import { requestEvents, requests, staffUsers } from '../../db/schema/index.ts';
import { actorLabel, SYSTEM } from '../../domain/actor.ts';
import { ConflictError } from '../../domain/errors.ts';
import { rolesWith } from '../../domain/permissions.ts';
import { canTransition, transition } from '../../domain/request-lifecycle.ts';
import { isMessageKey, type MessageKey, type Params, translate } from '../../i18n/index.ts';
import { buildAnswer } from '../answers/build-answer.ts';
import { deliverAnswer } from '../answers/deliver-answer.ts';
import { findRequestById } from '../answers/load.ts';
import { signAnswer } from '../answers/sign-answer.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';

export type AutoAnswerOutcome =
  /** Not (or no longer) for the system: staff took it, it was answered already, or AUTO_ANSWER=off. */
  | { kind: 'skipped'; why: 'not_received' | 'off' }
  /** Left for ventanilla, with an internal timeline note saying why. */
  | { kind: 'declined'; reasonKey: string }
  /** AUTO_ANSWER=approval: prepared and waiting for the director (pending_approval). */
  | { kind: 'prepared' }
  | { kind: 'delivered' };

export type Reason = { key: string; params?: Params };

/** Why the engine cannot answer this request by itself, or null when it can. */
export function whyNotAutomatic(deps: Deps, req: RequestRow): Reason | null {
  if (req.otherText?.trim()) return { key: 'auto_answer.reason.other' };
  if (req.geoGeojson) {
    try {
      deps.stats.resolveGeo(req.geoGeojson);
    } catch {
      return { key: 'auto_answer.reason.polygon' };
    }
  }
  const verdict = deps.stats.canAnswer({
    indicators: req.indicators,
    geo: req.geoGeojson ?? req.geo,
    years: req.years,
  });
  return verdict.ok
    ? null
    : { key: verdict.reasonKey, ...(verdict.params ? { params: verdict.params } : {}) };
}

const DECLINED = 'auto_answer.declined';

function reasonText(reason: Reason): string {
  const key = isMessageKey(reason.key) ? reason.key : ('stats.reason.unknown' as MessageKey);
  return translate('es-MX', 'auto_answer.declined', { reason: translate('es-MX', key, reason.params) });
}

/**
 * Leaves the request for ventanilla with an internal note saying why, audited as "sistema". Once per
 * request: a retried job finds the note and does not add another.
 */
export async function declineAutoAnswer(deps: Deps, req: RequestRow, reason: Reason): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // Lock the request row so two runs of the job cannot both add the note.
    await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, req.id)).for('update');
    const [noted] = await tx
      .select({ id: requestEvents.id })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, req.id), eq(requestEvents.action, DECLINED)))
      .limit(1);
    if (noted) return;
    await addTimelineEvent(tx, {
      requestId: req.id,
      at: now,
      actor: actorLabel(SYSTEM),
      action: DECLINED,
      visibleToRequester: false,
      message: reasonText(reason),
    });
    await appendAudit(tx, {
      actor: SYSTEM,
      action: 'request.auto_answer_declined',
      subject: req.folio,
      data: { reason: reason.key },
      at: now,
    });
  });
}

/**
 * After the automatic answer failed its last try: a request still `received` goes to ventanilla with a
 * note saying why (the job itself is done).
 */
export async function handOverFailedAutoAnswer(deps: Deps, requestId: string, error: string): Promise<void> {
  const [req] = await deps.db.select().from(requests).where(eq(requests.id, requestId));
  if (req?.status === 'received')
    await declineAutoAnswer(deps, req, { key: 'auto_answer.reason.failed', params: { error } });
}

/**
 * AUTO_ANSWER=approval: the prepared answer waits for the director (`received` → `pending_approval`),
 * and every active director is e-mailed in the same transaction, so nobody has to watch the queue.
 */
async function holdForApproval(deps: Deps, req: RequestRow, answerId: string): Promise<void> {
  const next = transition(req.status, 'auto_prepare');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await moveRequestStatus(tx, req.id, req.status, next, { answeredBy: 'auto' }, now);
    // Directors are whoever may sign; looked up by permission, not by role name.
    const signers = await tx
      .select({ id: staffUsers.id, email: staffUsers.email })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), inArray(staffUsers.role, rolesWith('request.sign'))));
    const template = 'staff.answer_ready_for_signature';
    for (const to of signers) {
      await queueMail(tx, deps, {
        template,
        to: to.email,
        dedupeKey: `mail:${template}:${req.folio}:${to.id}`,
        data: {
          folio: req.folio,
          staffUrl: `${deps.config.publicBaseUrl}/staff/solicitudes/${encodeURIComponent(req.folio)}`,
        },
      });
    }
    await addTimelineEvent(tx, {
      requestId: req.id,
      at: now,
      actor: actorLabel(SYSTEM),
      action: 'auto_prepared',
      fromStatus: req.status,
      toStatus: next,
    });
    await appendAudit(tx, {
      actor: SYSTEM,
      action: 'request.auto_prepared',
      subject: req.folio,
      data: { answerId },
      at: now,
    });
  });
}

/**
 * The `request.auto_answer` job: a standard request (catalog indicators, a named geography or a
 * resolvable polygon, loaded years) is answered by the system — figures, files and oficio sealed
 * with the institutional seal, delivered and e-mailed — or, with AUTO_ANSWER=approval, prepared for
 * the director. Anything else stays for ventanilla with a note. Safe to run again: each step checks
 * the status it starts from, and a run cut short after signing resumes at delivery.
 */
export async function autoAnswerRequest(deps: Deps, requestId: string): Promise<AutoAnswerOutcome> {
  const mode = deps.config.autoAnswer;
  let req = await findRequestById(deps.db, requestId);
  // Sealed by the system on an earlier run that stopped before delivering: finish the delivery.
  if (req.status === 'signed' && req.answeredBy === 'auto') {
    await deliverAnswer(deps, { requestId }, SYSTEM);
    return { kind: 'delivered' };
  }
  // The system acts only on what nobody has touched yet (staff may have triaged it meanwhile).
  if (!canTransition(req.status, mode === 'approval' ? 'auto_prepare' : 'auto_sign')) {
    return { kind: 'skipped', why: 'not_received' };
  }
  if (mode === 'off') return { kind: 'skipped', why: 'off' };
  const reason = whyNotAutomatic(deps, req);
  if (reason) {
    await declineAutoAnswer(deps, req, reason);
    return { kind: 'declined', reasonKey: reason.key };
  }
  try {
    const { answerId } = await buildAnswer(deps, { requestId }, SYSTEM);
    req = await findRequestById(deps.db, requestId);
    if (mode === 'approval') {
      await holdForApproval(deps, req, answerId);
      return { kind: 'prepared' };
    }
    await signAnswer(deps, { requestId }, SYSTEM);
    await deliverAnswer(deps, { requestId }, SYSTEM);
    return { kind: 'delivered' };
  } catch (err) {
    // Staff moved the request while the answer was being prepared: theirs now.
    const current = await findRequestById(deps.db, requestId);
    if (err instanceof ConflictError && current.status !== 'received' && current.answeredBy !== 'auto') {
      return { kind: 'skipped', why: 'not_received' };
    }
    throw err;
  }
}
