import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { staffUsers } from '../../db/schema/index.ts';
import { type Actor, ANONYMOUS } from '../../domain/actor.ts';
import { normalizeEmail } from '../../domain/email.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { roleRequiresTotp } from '../../domain/permissions.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { counterStore } from '../limits/rate-limits.ts';
import { parseStaffInput } from './input.ts';
import { checkPassword } from './passwords.ts';
import { createSession } from './sessions.ts';
import { findStaffUserByEmail } from './staff-users.ts';

const schema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'staff.err.email')
    .max(254, 'staff.err.too_long')
    // PostgreSQL text cannot hold NUL: refuse control characters here rather than fail in the query.
    .regex(/^[^\p{Cc}]*$/u, 'staff.err.email'),
  password: z.string().min(1, 'staff.err.password_required').max(200, 'staff.err.too_long'),
});

/** Lock after this many failures in a row; each further failure doubles the wait, up to an hour. */
const LOCK_AFTER_FAILURES = 5;
const LOCK_BASE_MS = 60_000;
const LOCK_MAX_MS = 3_600_000;

function lockoutUntil(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts < LOCK_AFTER_FAILURES) return null;
  const ms = Math.min(LOCK_MAX_MS, LOCK_BASE_MS * 2 ** (failedAttempts - LOCK_AFTER_FAILURES));
  return new Date(now.getTime() + ms);
}

export type SignInResult = { token: string; pendingTotp: boolean };

export function signInFailed(
  key: 'staff.err.sign_in_failed' | 'staff.err.locked' = 'staff.err.sign_in_failed',
) {
  return new InvalidInputError([{ field: 'email', message: translate('es-MX', key) }]);
}

/**
 * A failed sign-in step (password or code), in its own transaction: audited, and when `counted`, the
 * account's failure count goes up by one in SQL (parallel guesses each add one: a read-then-write would
 * lose them) and the lockout is decided from the count the database returns.
 */
export async function recordFailedSignIn(
  db: Database,
  failure: {
    actor: Actor;
    subject: string;
    reason: string;
    ip: string | null;
    at: Date;
    counted?: { userId: string };
  },
): Promise<{ failedAttempts: number; lockedUntil: Date | null } | null> {
  const { counted, at } = failure;
  return db.transaction(async (tx) => {
    let result: { failedAttempts: number; lockedUntil: Date | null } | null = null;
    if (counted) {
      const [row] = await tx
        .update(staffUsers)
        .set({ failedAttempts: sql`${staffUsers.failedAttempts} + 1` })
        .where(eq(staffUsers.id, counted.userId))
        .returning({ failedAttempts: staffUsers.failedAttempts });
      const failedAttempts = row?.failedAttempts ?? 0;
      const lockedUntil = lockoutUntil(failedAttempts, at);
      // The row stays locked by the UPDATE until commit: the next failure sees this count.
      if (lockedUntil)
        await tx.update(staffUsers).set({ lockedUntil }).where(eq(staffUsers.id, counted.userId));
      result = { failedAttempts, lockedUntil };
    }
    await appendAudit(tx, {
      actor: failure.actor,
      action: 'staff.sign_in_failed',
      subject: failure.subject,
      data: { reason: failure.reason, ip: failure.ip },
      at,
    });
    return result;
  });
}

/**
 * Unknown (or inactive) e-mails get the lockout a real account would: the same failures in a row, the
 * same back-off, so "bloqueada" does not tell that an account exists. Counted like rate limits (shared
 * by every process on PostgreSQL), forgotten an hour after the last failure.
 */
const UNKNOWN_RULE = 'staff_sign_in:unknown_email';
const UNKNOWN_MEMORY_MS = 3_600_000;

async function unknownLockedUntil(deps: Deps, email: string, now: Date): Promise<Date | null> {
  const c = await counterStore(deps).read(UNKNOWN_RULE, email);
  if (!c) return null;
  const until = lockoutUntil(c.count, new Date(c.resetAt.getTime() - UNKNOWN_MEMORY_MS));
  return until && until > now ? until : null;
}

async function countUnknownFailure(deps: Deps, email: string): Promise<void> {
  await counterStore(deps).bump(UNKNOWN_RULE, email, UNKNOWN_MEMORY_MS, { slide: true });
}

/**
 * First step of staff sign-in: e-mail and password. Failures count towards a lockout with back-off;
 * every attempt is audited. Roles with a second factor get a half-way session that grants nothing
 * until `verifyStaffTotp`. The session token is always new (no fixation).
 */
export async function signInStaff(
  deps: Deps,
  raw: unknown,
  ctx: { ip?: string } = {},
): Promise<SignInResult> {
  const input = parseStaffInput(schema, raw);
  const now = deps.clock.now();
  const email = normalizeEmail(input.email);
  const user = await findStaffUserByEmail(deps.db, email);
  const fail = (reason: string, userId?: string, counted = false) =>
    recordFailedSignIn(deps.db, {
      actor: userId ? { type: 'staff', id: userId, role: user!.role } : ANONYMOUS,
      subject: userId ? `staff:${userId}` : `email:${email}`,
      reason,
      ip: ctx.ip ?? null,
      at: now,
      ...(userId !== undefined && counted ? { counted: { userId } } : {}),
    });
  // Unknown and inactive accounts take the same steps as real ones: the same messages, a password
  // hash checked (a dummy one), a failure counted.
  // A wrong password counts even while the account is locked: parallel guesses that read the row
  // before and after another one locked it all count, and guessing on does not shorten the wait.
  if (!user?.active) {
    const locked = await unknownLockedUntil(deps, email, now);
    await checkPassword(null, input.password);
    await countUnknownFailure(deps, email);
    await fail(locked ? 'locked' : user ? 'inactive' : 'unknown_email');
    throw signInFailed(locked ? 'staff.err.locked' : undefined);
  }
  const locked = Boolean(user.lockedUntil && user.lockedUntil > now);
  const passwordOk = await checkPassword(user.passwordHash, input.password);
  if (locked || !passwordOk) {
    await fail(locked ? 'locked' : 'password', user.id, !passwordOk);
    throw signInFailed(locked ? 'staff.err.locked' : undefined);
  }
  const pendingTotp = roleRequiresTotp(user.role) || Boolean(user.totpConfirmedAt);
  return deps.db.transaction(async (tx) => {
    const token = await createSession(tx, user.id, now, { pendingTotp });
    if (!pendingTotp) {
      await tx
        .update(staffUsers)
        .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now })
        .where(eq(staffUsers.id, user.id));
    }
    await appendAudit(tx, {
      actor: { type: 'staff', id: user.id, role: user.role },
      action: pendingTotp ? 'staff.password_accepted' : 'staff.sign_in',
      subject: `staff:${user.id}`,
      data: { ip: ctx.ip ?? null },
      at: now,
    });
    return { token, pendingTotp };
  });
}
