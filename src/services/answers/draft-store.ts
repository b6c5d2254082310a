import { eq, max } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { addTimelineEvent, type RequestRow } from '../../db/requests.ts';
import { answerDrafts, requests } from '../../db/schema/index.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { ConflictError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { canTransition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { assertAssignee } from '../staff/start-preparation.ts';
import { loadRequest } from '../staff/transitions.ts';
import { type AnswerDraftContent, changedParts } from './answer-draft.ts';

/** A draft may change while its request is in preparation (the only status "Enviar a firma" leaves). */
function assertEditable(status: RequestRow['status']) {
  if (!canTransition(status, 'submit_for_approval')) throw new ConflictError('workbench.err.not_editable');
}

/** Load → authorise → check the status, for every change to a draft. */
export async function loadEditableRequest(deps: Deps, actor: Actor, folio: string): Promise<RequestRow> {
  const req = await loadRequest(deps, folio);
  assertAssignee(actor, req.assigneeId, 'request.prepare');
  assertEditable(req.status);
  return req;
}

export function authorizeDraftChange(actor: Actor) {
  authorize(actor, 'request.prepare');
}

/**
 * Locks the request row in `tx` (draft saves and "Enviar a firma" queue up behind each other), checks
 * it is still editable and returns the newest draft version (0: none saved).
 */
export async function lockDraft(tx: Database, requestId: string): Promise<number> {
  const [locked] = await tx
    .select({ status: requests.status })
    .from(requests)
    .where(eq(requests.id, requestId))
    .for('update');
  assertEditable(locked!.status);
  const [last] = await tx
    .select({ v: max(answerDrafts.version) })
    .from(answerDrafts)
    .where(eq(answerDrafts.requestId, requestId));
  return last?.v ?? 0;
}

/**
 * Appends version n+1 of a request's draft in `tx`, with its timeline event and audit entry. The
 * request row is locked first, so two saves queue up; a save made from an older version than the
 * newest (another tab, another person) is refused rather than silently undoing the other's work.
 */
export async function appendDraftVersion(
  tx: Database,
  actor: Actor,
  req: RequestRow,
  s: {
    before: AnswerDraftContent;
    after: AnswerDraftContent;
    baseVersion: number | undefined;
    now: Date;
    audit?: Record<string, unknown>;
  },
): Promise<{ version: number; changes: string[] }> {
  const current = await lockDraft(tx, req.id);
  if (s.baseVersion !== undefined && s.baseVersion !== current)
    throw new ConflictError('workbench.err.stale');
  const changes = changedParts(s.before, s.after);
  const version = current + 1;
  await tx.insert(answerDrafts).values({
    requestId: req.id,
    version,
    content: JSON.parse(JSON.stringify(s.after)) as Record<string, unknown>,
    changes,
    savedBy: actorLabel(actor),
    savedAt: s.now,
  });
  const t = (k: Parameters<typeof translate>[1]) => translate('es-MX', k);
  await addTimelineEvent(tx, {
    requestId: req.id,
    at: s.now,
    actor: actorLabel(actor),
    action: 'answer_draft_saved',
    visibleToRequester: false,
    message: translate('es-MX', 'workbench.timeline.saved', {
      version,
      changes:
        changes.length > 0
          ? changes.map((c) => t(`workbench.part.${c}` as Parameters<typeof translate>[1])).join(', ')
          : t('workbench.part.none'),
    }),
  });
  await appendAudit(tx, {
    actor,
    action: 'answer.draft_saved',
    subject: req.folio,
    data: { version, changes, ...s.audit },
    at: s.now,
  });
  return { version, changes };
}
