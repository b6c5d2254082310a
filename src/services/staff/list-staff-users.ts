import { asc } from 'drizzle-orm';
import { staffUsers } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

/** Staff accounts for the admin (never the password hash or TOTP secret). */
export async function listStaffUsers(deps: Deps, actor: Actor) {
  authorize(actor, 'users.manage');
  return deps.db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      active: staffUsers.active,
      totpConfirmedAt: staffUsers.totpConfirmedAt,
      lockedUntil: staffUsers.lockedUntil,
      lastSignInAt: staffUsers.lastSignInAt,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name));
}
