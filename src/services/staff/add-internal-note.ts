import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent } from '../../db/requests.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { loadRequest } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  note: z.string().trim().min(1, 'staff.err.note_required').max(4000, 'staff.err.too_long'),
});

/** An internal note on the request's timeline; never shown to the requester. */
export async function addInternalNote(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.note');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await addTimelineEvent(tx, {
      requestId: req.id,
      at: now,
      actor: actorLabel(actor),
      action: 'note',
      visibleToRequester: false,
      message: input.note,
    });
    await appendAudit(tx, { actor, action: 'request.note', subject: req.folio, at: now });
  });
}
