import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent, type RequestRow } from '../../db/requests.ts';
import { requestEvents, requests } from '../../db/schema/index.ts';
import { actorLabel, SYSTEM } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isMessageKey, type MessageKey, type Params, translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';

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
 * The `request.auto_answer` job: a standard request (catalog indicators, a named geography or a
 * resolvable polygon, loaded years) is answered by the system; anything else stays for ventanilla.
 */
export async function autoAnswerRequest(deps: Deps, requestId: string): Promise<AutoAnswerOutcome> {
  const [req] = await deps.db.select().from(requests).where(eq(requests.id, requestId)).limit(1);
  if (!req) throw new NotFoundError('request');
  // The system acts only on what nobody has touched yet; a repeat of the job finds it moved on.
  if (req.status !== 'received') return { kind: 'skipped', why: 'not_received' };
  if (deps.config.autoAnswer === 'off') return { kind: 'skipped', why: 'off' };
  const reason = whyNotAutomatic(deps, req);
  if (reason) {
    await declineAutoAnswer(deps, req, reason);
    return { kind: 'declined', reasonKey: reason.key };
  }
  throw new Error('respuesta automática aún no disponible');
}
