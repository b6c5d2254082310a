import { and, eq, isNull, lt, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { staffSessions, staffUsers } from '../../db/schema/index.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { parseStaffInput } from './input.ts';
import { createSession, findSessionRow, SESSION_IDLE_MS } from './sessions.ts';
import { recordFailedSignIn, signInFailed } from './sign-in-staff.ts';
import { checkTotp, newTotpSecret, staffTotpUri } from './totp.ts';

const schema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'staff.err.totp_format'),
});

const wrongCode = () =>
  new InvalidInputError([{ field: 'code', message: translate('es-MX', 'staff.err.totp_wrong') }]);

/**
 * The half-way session of the first step, or null when there is none (start again); `enrolUri` is the
 * authenticator's otpauth:// URI while the account has not confirmed its second factor yet.
 */
export async function pendingTotpSession(deps: Deps, token: string | undefined) {
  if (!token) return null;
  const row = await findSessionRow(deps.db, token);
  if (!row?.session.pendingTotp || !row.user.active) return null;
  if (deps.clock.now().getTime() - row.session.createdAt.getTime() > SESSION_IDLE_MS) return null;
  // An account that must enrol and has no secret yet (created without one) gets it now.
  if (!row.user.totpSecret) {
    const secret = newTotpSecret();
    await deps.db.update(staffUsers).set({ totpSecret: secret }).where(eq(staffUsers.id, row.user.id));
    row.user.totpSecret = secret;
  }
  const enrolUri =
    row.user.totpConfirmedAt === null ? staffTotpUri(deps, row.user.email, row.user.totpSecret) : null;
  return { ...row, enrolUri };
}

/**
 * Second step: the TOTP code. A code is accepted once (its time step must be newer than the last one);
 * failures count towards the same lockout as passwords. On success the half-way session is replaced
 * by a new one (new token) and a first code confirms the enrolment.
 */
export async function verifyStaffTotp(
  deps: Deps,
  sessionToken: string | undefined,
  raw: unknown,
  ctx: { ip?: string } = {},
): Promise<{ token: string }> {
  const row = await pendingTotpSession(deps, sessionToken);
  if (!row)
    throw new InvalidInputError([{ field: 'code', message: translate('es-MX', 'staff.err.totp_expired') }]);
  const input = parseStaffInput(schema, raw);
  const now = deps.clock.now();
  const user = row.user;
  const actor = { type: 'staff' as const, id: user.id, role: user.role };
  const locked = Boolean(user.lockedUntil && user.lockedUntil > now);
  const step = await checkTotp(user.totpSecret!, input.code, now);
  const wrong = step === null || (user.totpLastStep !== null && step <= user.totpLastStep);
  // As with passwords, a wrong code counts even while the account is locked.
  if (locked || wrong) {
    await recordFailedSignIn(deps.db, {
      actor,
      subject: `staff:${user.id}`,
      reason: locked ? 'locked' : 'totp',
      ip: ctx.ip ?? null,
      at: now,
      ...(wrong ? { counted: { userId: user.id } } : {}),
    });
    throw locked ? signInFailed('staff.err.locked') : wrongCode();
  }
  const accepted = await deps.db.transaction(async (tx) => {
    // The step is claimed in SQL: the same code sent twice in parallel is accepted once.
    const claimed = await tx
      .update(staffUsers)
      .set({
        failedAttempts: 0,
        lockedUntil: null,
        lastSignInAt: now,
        totpLastStep: step,
        totpConfirmedAt: user.totpConfirmedAt ?? now,
      })
      .where(
        and(
          eq(staffUsers.id, user.id),
          or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
          or(isNull(staffUsers.lockedUntil), lte(staffUsers.lockedUntil, now)),
        ),
      )
      .returning({ id: staffUsers.id });
    if (claimed.length === 0) return null;
    await tx.delete(staffSessions).where(eq(staffSessions.idHash, row.session.idHash));
    const token = await createSession(tx, user.id, now);
    await appendAudit(tx, {
      actor,
      action: 'staff.sign_in',
      subject: `staff:${user.id}`,
      data: { factor: 'totp', enrolled: user.totpConfirmedAt === null, ip: ctx.ip ?? null },
      at: now,
    });
    return { token };
  });
  // Another request used this step first, or a parallel failure locked the account meanwhile.
  if (!accepted) throw wrongCode();
  return accepted;
}
