import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { staffUsers } from '../../db/schema/index.ts';
import { STAFF_ROLES } from '../../domain/actor.ts';
import { normalizeEmail } from '../../domain/email.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';

export type StaffUserRow = typeof staffUsers.$inferSelect;

/** The account form's fields, shared by creating an account and the first administrator's setup. */
export const staffUserFields = {
  email: z.string().trim().max(254, 'staff.err.too_long').pipe(z.email('staff.err.email')),
  name: z.string().trim().min(3, 'staff.err.name').max(200, 'staff.err.too_long'),
  role: z.enum(STAFF_ROLES, 'staff.err.role'),
  password: z.string().min(PASSWORD_MIN, 'staff.err.password_short').max(PASSWORD_MAX, 'staff.err.too_long'),
};

export async function findStaffUserByEmail(db: Database, email: string): Promise<StaffUserRow | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, normalizeEmail(email)))
    .limit(1);
  return row;
}

export async function findStaffUserById(db: Database, id: string): Promise<StaffUserRow | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id)).limit(1);
  return row;
}

export async function hasActiveAdmin(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.active, true)))
    .limit(1);
  return Boolean(row);
}
