import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  comments: z.string().trim().min(5, 'staff.err.comments_required').max(4000, 'staff.err.too_long'),
});

/** The director returns the answer to the técnico with comments (internal: the requester is not told). */
export async function returnForChanges(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.return');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  transition(req.status, 'return_for_changes');
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    commitTransition(tx, deps, actor, req, 'return_for_changes', {
      now,
      message: input.comments,
      visibleToRequester: false,
    }),
  );
}
