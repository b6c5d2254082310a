import { appendAudit } from '../../db/audit.ts';
import type { Deps } from '../deps.ts';
import { deleteSession, type StaffPrincipal } from './sessions.ts';

/** Ends the session (the cookie is cleared by the handler). */
export async function signOutStaff(
  deps: Deps,
  actor: StaffPrincipal,
  token: string | undefined,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, token);
    await appendAudit(tx, {
      actor,
      action: 'staff.sign_out',
      subject: `staff:${actor.id}`,
      at: deps.clock.now(),
    });
  });
}
