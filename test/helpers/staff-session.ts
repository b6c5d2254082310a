import type { Database } from '../../src/db/client.ts';
import { staffUsers } from '../../src/db/schema/index.ts';
import type { StaffRole } from '../../src/domain/actor.ts';
import { createSession } from '../../src/services/staff/sessions.ts';
import { STAFF_COOKIE } from '../../src/web/staff/auth.ts';

/**
 * A staff account of `role` with an open session, for pages tested past sign-in (no usable password:
 * the sign-in itself is tested in test/integration/staff). `cookie` is the Cookie header value.
 */
export async function aStaffSession(
  db: Database,
  role: StaffRole,
  opts: { email?: string; name?: string; at?: Date } = {},
) {
  const [user] = await db
    .insert(staffUsers)
    .values({
      email: opts.email ?? `${role}@coespo.example`,
      name: opts.name ?? `Persona ${role}`,
      role,
      passwordHash: 'x',
    })
    .returning();
  const token = await createSession(db, user!.id, opts.at ?? new Date());
  return { user: user!, token, cookie: `${STAFF_COOKIE}=${token}` };
}
