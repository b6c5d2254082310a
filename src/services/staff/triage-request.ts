import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest, statusChangedMail } from './transitions.ts';

const schema = z.object({ folio: z.string().min(1) });

/** Ventanilla takes a received request into review; the requester is told it is being reviewed. */
export async function triageRequest(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.triage');
  const { folio } = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, folio);
  transition(req.status, 'triage');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) =>
    commitTransition(tx, deps, actor, req, 'triage', {
      now,
      mail: await statusChangedMail(tx, deps, req, now, 'in_review'),
    }),
  );
}
