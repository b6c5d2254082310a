import { and, desc, eq, inArray } from 'drizzle-orm';
import { requestEvents, staffUsers } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize, can } from '../../domain/permissions.ts';
import { canTransition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { loadRequest } from '../staff/transitions.ts';
import { currentDraft, draftHistory } from './answer-draft.ts';
import { answerDataForDraft, oficioDraftFor } from './compose.ts';

/**
 * The workbench of a request: its current draft, the figures and oficio texts it gives (a preview
 * computed now, nothing stored), its versions, the director's comments, and whether this person may
 * edit it (the assigned técnico, while in preparation).
 */
export async function viewAnswerDraft(deps: Deps, actor: Actor, folio: string) {
  authorize(actor, 'request.view');
  const req = await loadRequest(deps, folio);
  const [draft, history, returns] = await Promise.all([
    currentDraft(deps.db, req),
    draftHistory(deps.db, req.id),
    deps.db
      .select({ at: requestEvents.at, actor: requestEvents.actor, message: requestEvents.message })
      .from(requestEvents)
      .where(and(eq(requestEvents.requestId, req.id), eq(requestEvents.action, 'return_for_changes')))
      .orderBy(desc(requestEvents.at), desc(requestEvents.id)),
  ]);
  const ids = [...new Set([...history.map((h) => h.savedBy), ...returns.map((r) => r.actor)])]
    .filter((a) => a.startsWith('staff:'))
    .map((a) => a.slice(6));
  const people = ids.length
    ? await deps.db
        .select({ id: staffUsers.id, name: staffUsers.name })
        .from(staffUsers)
        .where(inArray(staffUsers.id, ids))
    : [];
  const names = new Map(people.map((p) => [`staff:${p.id}`, p.name]));
  const now = deps.clock.now();
  const data = answerDataForDraft(deps, req, draft.content, now);
  const oficio = oficioDraftFor(
    deps,
    req,
    data,
    draft.content.annexes.map((a) => ({ ...a, kind: 'annex' })),
    { number: '', code: '', issuedAt: now, signatory: { name: '', post: '' } },
  );
  return {
    request: req,
    draft,
    data,
    oficio,
    history: history.map((h) => ({ ...h, who: names.get(h.savedBy) ?? '—' })),
    comments: returns.map((r) => ({
      at: r.at,
      message: r.message ?? '',
      who: names.get(r.actor) ?? '—',
    })),
    editable:
      can(actor, 'request.prepare') &&
      actor.type === 'staff' &&
      actor.id === req.assigneeId &&
      canTransition(req.status, 'submit_for_approval'),
  };
}
