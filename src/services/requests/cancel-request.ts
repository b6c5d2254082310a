import type { RequestRow } from '../../db/requests.ts';
import type { Actor } from '../../domain/actor.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { commitTransition, statusChangedMail } from '../staff/transitions.ts';
import { loadOwnRequest } from './requester-view.ts';

/** The requester withdraws an open request: it is closed as cancelled and they get a confirmation. */
export async function cancelRequest(deps: Deps, actor: Actor, input: { folio: string }): Promise<RequestRow> {
  const request = await loadOwnRequest(deps, actor, input.folio);
  const next = transition(request.status, 'cancel');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) =>
    commitTransition(tx, deps, actor, request, 'cancel', {
      now,
      changes: { closedAt: now, pausedAt: null },
      event: 'cancelled_by_requester',
      auditAction: 'request.cancelled',
      mail: await statusChangedMail(tx, deps, request, now, next),
    }),
  );
}
