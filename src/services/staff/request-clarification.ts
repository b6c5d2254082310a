import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest, requesterPortalUrl } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  question: z.string().trim().min(10, 'staff.err.question_short').max(2000, 'staff.err.too_long'),
});

/**
 * Prevención: ask the requester to clarify. The working-hours clock stops (`pausedAt`) until the
 * requester answers (the portal resumes it, adding the paused working time to the deadline).
 */
export async function requestClarification(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.clarify');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  transition(req.status, 'request_clarification');
  const now = deps.clock.now();
  return deps.db.transaction((tx) =>
    commitTransition(tx, deps, actor, req, 'request_clarification', {
      now,
      changes: { pausedAt: now },
      message: input.question,
      mail: {
        template: 'request.clarification_requested',
        data: { question: input.question, replyUrl: requesterPortalUrl(deps) },
      },
    }),
  );
}
