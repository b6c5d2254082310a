import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent, moveRequestStatus } from '../../db/requests.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { canTransition, transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { isAssignable } from './list-assignable-staff.ts';
import { findStaffUserById } from './staff-users.ts';
import { commitTransition, loadRequest } from './transitions.ts';

const schema = z.object({ folio: z.string().min(1), assigneeId: z.string().min(1, 'staff.err.assignee') });

/**
 * Assigns the request to a técnico (someone who may prepare answers). From received/in review this
 * moves it to `assigned`; on an assigned or in-preparation request it changes the assignee only.
 */
export async function assignRequest(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.assign');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  const reassign = req.status === 'assigned' || req.status === 'in_preparation';
  if (!reassign) transition(req.status, 'assign');
  const assignee = await findStaffUserById(deps.db, input.assigneeId);
  if (!assignee || !isAssignable(assignee)) {
    throw new InvalidInputError([{ field: 'assigneeId', message: translate('es-MX', 'staff.err.assignee') }]);
  }
  const now = deps.clock.now();
  const auditData = { assigneeId: assignee.id, previousAssigneeId: req.assigneeId };
  return deps.db.transaction(async (tx) => {
    if (canTransition(req.status, 'assign')) {
      return commitTransition(tx, deps, actor, req, 'assign', {
        now,
        changes: { assigneeId: assignee.id },
        message: assignee.name,
        visibleToRequester: false,
        auditData,
      });
    }
    const row = await moveRequestStatus(tx, req.id, req.status, req.status, { assigneeId: assignee.id }, now);
    await addTimelineEvent(tx, {
      requestId: req.id,
      at: now,
      actor: actorLabel(actor),
      action: 'reassign',
      visibleToRequester: false,
      message: assignee.name,
    });
    await appendAudit(tx, {
      actor,
      action: 'request.reassign',
      subject: req.folio,
      data: auditData,
      at: now,
    });
    return row;
  });
}
