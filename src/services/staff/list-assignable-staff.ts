import { asc } from 'drizzle-orm';
import { staffUsers } from '../../db/schema/index.ts';
import type { Actor, StaffRole } from '../../domain/actor.ts';
import { authorize, can } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

/** Who may be given a request: an active account whose role prepares answers (a técnico). */
export function isAssignable(user: { id: string; role: StaffRole; active: boolean }): boolean {
  return user.active && can({ type: 'staff', id: user.id, role: user.role }, 'request.prepare');
}

/** The people a request can be assigned to, by name: the queue's filter and the assign form. */
export async function listAssignableStaff(deps: Deps, actor: Actor) {
  authorize(actor, 'request.view');
  const rows = await deps.db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role, active: staffUsers.active })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name));
  return rows.filter(isAssignable).map(({ id, name, role }) => ({ id, name, role }));
}
