import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import { currentDraft, isEmptyDraft } from '../answers/answer-draft.ts';
import { dataFiles, storePreparedAnswer } from '../answers/build-answer.ts';
import { answerDataForDraft } from '../answers/compose.ts';
import { lockDraft } from '../answers/draft-store.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { assertAssignee } from './start-preparation.ts';
import { commitTransition, loadRequest } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  comment: z.string().trim().max(2000, 'staff.err.too_long').optional().default(''),
});

/**
 * The técnico sends the answer to the director for approval and signature. The prepared answer (the
 * figures, files, paragraphs and annexes the director will sign) is built here from the current
 * draft, in the same transaction that moves the request, so at `pending_approval` it always exists.
 */
export async function submitForApproval(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.submit_for_approval');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  assertAssignee(actor, req.assigneeId, 'request.submit_for_approval');
  transition(req.status, 'submit_for_approval');
  const draft = await currentDraft(deps.db, req);
  if (isEmptyDraft(draft.content))
    throw new InvalidInputError([
      { field: 'draft', message: translate('es-MX', 'workbench.err.empty_draft') },
    ]);
  const now = deps.clock.now();
  const data = answerDataForDraft(deps, req, draft.content, now);
  const built = await dataFiles(deps, data, draft.content.formats, {
    alwaysXlsx: false,
    polygon: req.geoGeojson,
  });
  return deps.db.transaction(async (tx) => {
    // A save that landed after the draft was read: sign what the técnico sees, not an older version.
    if ((await lockDraft(tx, req.id)) !== draft.version) throw new ConflictError('workbench.err.stale');
    await storePreparedAnswer(tx, deps, actor, req, { data, built, annexes: draft.content.annexes, now });
    return commitTransition(tx, deps, actor, req, 'submit_for_approval', {
      now,
      message: input.comment || null,
      visibleToRequester: false,
      auditData: { draftVersion: draft.version },
    });
  });
}
