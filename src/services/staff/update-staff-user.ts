import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { staffUsers } from '../../db/schema/index.ts';
import { STAFF_ROLES } from '../../domain/actor.ts';
import { NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import { authorize, roleRequiresTotp } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { endSessionsOf, type StaffPrincipal } from './sessions.ts';
import { findStaffUserById, hasActiveAdmin } from './staff-users.ts';
import { newTotpSecret } from './totp.ts';

const schema = z.object({
  role: z.enum(STAFF_ROLES, 'staff.err.role'),
  active: z.boolean(),
  resetTotp: z.boolean().default(false),
});

/**
 * Changes a staff account's role or status (or restarts its TOTP enrolment). Its sessions end, so the
 * change applies at once. The last active admin cannot be demoted or deactivated.
 */
export async function updateStaffUser(deps: Deps, actor: StaffPrincipal, userId: string, raw: unknown) {
  authorize(actor, 'users.manage');
  const user = await findStaffUserById(deps.db, userId);
  if (!user) throw new NotFoundError('staff_user');
  const input = parseStaffInput(schema, raw);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const changes: Partial<typeof staffUsers.$inferInsert> = {
      role: input.role,
      active: input.active,
      updatedAt: now,
    };
    if (input.resetTotp || (roleRequiresTotp(input.role) && !user.totpSecret)) {
      Object.assign(changes, { totpSecret: newTotpSecret(), totpConfirmedAt: null, totpLastStep: null });
    }
    if (input.active) Object.assign(changes, { failedAttempts: 0, lockedUntil: null });
    await tx.update(staffUsers).set(changes).where(eq(staffUsers.id, user.id));
    if (!(await hasActiveAdmin(tx))) throw new UnprocessableError('staff.err.last_admin');
    await endSessionsOf(tx, user.id, now);
    await appendAudit(tx, {
      actor,
      action: 'staff.user_updated',
      subject: `staff:${user.id}`,
      data: {
        from: { role: user.role, active: user.active },
        to: { role: input.role, active: input.active },
        resetTotp: input.resetTotp,
      },
      at: now,
    });
  });
}
