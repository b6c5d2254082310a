import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { REJECTION_REASONS } from '../../domain/rejection-reasons.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest, requesterPortalUrl } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  reason: z.enum(REJECTION_REASONS, 'staff.err.reason'),
  text: z.string().trim().min(10, 'staff.err.reason_text').max(4000, 'staff.err.too_long'),
});

/** Declares the request not admissible, on a legal ground from the list plus an explanation. */
export async function rejectRequest(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.reject');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  transition(req.status, 'reject');
  const now = deps.clock.now();
  const reason = `${translate('es-MX', `staff.reject_reason.${input.reason}`, { agency: deps.config.agency.shortName })}. ${input.text}`;
  return deps.db.transaction((tx) =>
    commitTransition(tx, deps, actor, req, 'reject', {
      now,
      changes: { closedAt: now, pausedAt: null },
      message: reason,
      auditData: { reason: input.reason },
      mail: { template: 'request.rejected', data: { reason, trackingUrl: requesterPortalUrl(deps) } },
    }),
  );
}
