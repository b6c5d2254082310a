import { hash, verify } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { staffUsers } from '../../db/schema/index.ts';
import { STAFF_ROLES } from '../../domain/actor.ts';
import { normalizeEmail } from '../../domain/email.ts';

export type StaffUserRow = typeof staffUsers.$inferSelect;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** argon2id with the library's defaults (OWASP-level memory and time cost). */
export function hashPassword(password: string): Promise<string> {
  // 2 = Algorithm.Argon2id (an ambient const enum, which this project's TypeScript settings cannot read).
  return hash(password, { algorithm: 2 });
}

// A hash to verify against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;

export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('contraseña-de-relleno-para-igualar-tiempos');
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(issuer: string, email: string, secret: string): string {
  return generateURI({ issuer, label: email, secret });
}

/** The accepted time step of `code` at `now`, or null. One step (30 s) either side is tolerated. */
export async function checkTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verifyTotp({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

// Kept as a re-export for the staff use cases that import it from here.
export { normalizeEmail } from '../../domain/email.ts';

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

/** Lock after this many failures in a row; each further failure doubles the wait, up to an hour. */
export const LOCK_AFTER_FAILURES = 5;
const LOCK_BASE_MS = 60_000;
const LOCK_MAX_MS = 3_600_000;

export function lockoutUntil(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts < LOCK_AFTER_FAILURES) return null;
  const ms = Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failedAttempts - LOCK_AFTER_FAILURES));
  return new Date(now.getTime() + ms);
}

export const staffUserFields = {
  email: z.string().trim().max(254, 'staff.err.too_long').pipe(z.email('staff.err.email')),
  name: z.string().trim().min(3, 'staff.err.name').max(200, 'staff.err.too_long'),
  role: z.enum(STAFF_ROLES, 'staff.err.role'),
  password: z.string().min(PASSWORD_MIN, 'staff.err.password_short').max(PASSWORD_MAX, 'staff.err.too_long'),
};
