import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { assertAssignee } from './start-preparation.ts';
import { commitTransition, loadRequest } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  comment: z.string().trim().max(2000, 'staff.err.too_long').optional().default(''),
});

/** The técnico sends the prepared answer to the director for approval and signature. */
export async function submitForApproval(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.submit_for_approval');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  assertAssignee(actor, req.assigneeId, 'request.submit_for_approval');
  transition(req.status, 'submit_for_approval');
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    commitTransition(tx, deps, actor, req, 'submit_for_approval', {
      now,
      message: input.comment || null,
      visibleToRequester: false,
    }),
  );
}
