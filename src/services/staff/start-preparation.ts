import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest, statusChangedMail } from './transitions.ts';

const schema = z.object({ folio: z.string().min(1) });

/** The assigned técnico starts preparing the answer; the requester is told it is in preparation. */
export async function startPreparation(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.prepare');
  const { folio } = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, folio);
  assertAssignee(actor, req.assigneeId, 'request.prepare');
  transition(req.status, 'start_preparation');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) =>
    commitTransition(tx, deps, actor, req, 'start_preparation', {
      now,
      mail: await statusChangedMail(tx, deps, req, now, 'in_preparation'),
    }),
  );
}

/** Work on a request is done by the técnico it is assigned to. */
export function assertAssignee(actor: Actor, assigneeId: string | null, permission: string) {
  if (actor.type !== 'staff' || actor.id !== assigneeId)
    throw new ForbiddenError(permission, 'staff.err.not_assignee');
}
