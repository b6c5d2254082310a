import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import { requesterRequestUrl } from '../requests/request-link.ts';
import { clarificationDeadline } from './expire-clarification.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest } from './transitions.ts';

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
  const deadline = clarificationDeadline(now, await loadCalendar(deps));
  return deps.db.transaction(async (tx) => {
    // The e-mail's button opens this request at once (a single-use sign-in link valid until the
    // deadline), not the portal's e-mail form; an anonymised request gets no mail, so no link either.
    const replyUrl = await requesterRequestUrl(tx, deps, req, now, deadline);
    return commitTransition(tx, deps, actor, req, 'request_clarification', {
      now,
      changes: { pausedAt: now },
      message: input.question,
      mail: {
        template: 'request.clarification_requested',
        data: { question: input.question, replyUrl, deadline: deadline.toISOString() },
      },
    });
  });
}
