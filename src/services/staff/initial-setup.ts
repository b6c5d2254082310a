import { and, eq, gt, isNull } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { staffSetupTokens } from '../../db/schema/index.ts';
import { SYSTEM } from '../../domain/actor.ts';
import { NotFoundError, UnprocessableError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { newToken, sha256Hex } from '../requests/tokens.ts';
import { hasActiveAdmin } from './staff-users.ts';

export const SETUP_TOKEN_TTL_MS = 60 * 60_000;

/**
 * On a fresh install (no active admin) issues a one-time link to create the first admin in the
 * browser; earlier unused links stop working. Returns null when an admin exists.
 */
export async function issueSetupLink(deps: Deps): Promise<string | null> {
  if (await hasActiveAdmin(deps.db)) return null;
  const now = deps.clock.now();
  const token = newToken(32);
  await deps.db.transaction(async (tx) => {
    await tx.update(staffSetupTokens).set({ usedAt: now }).where(isNull(staffSetupTokens.usedAt));
    await tx.insert(staffSetupTokens).values({
      tokenHash: sha256Hex(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS),
    });
    await appendAudit(tx, { actor: SYSTEM, action: 'staff.setup_link_issued', at: now });
  });
  return `${deps.config.publicBaseUrl}/staff/configuracion-inicial?token=${token}`;
}

/** The row of `token` when it is unused and not expired at `now`. */
function isLiveSetupToken(token: string, now: Date) {
  return and(
    eq(staffSetupTokens.tokenHash, sha256Hex(token)),
    isNull(staffSetupTokens.usedAt),
    gt(staffSetupTokens.expiresAt, now),
  );
}

/** Whether `token` is a live setup link (unused, not expired, and still no admin). */
export async function isSetupTokenValid(deps: Deps, token: string | undefined): Promise<boolean> {
  if (!token || token.length > 100) return false;
  const [row] = await deps.db
    .select({ h: staffSetupTokens.tokenHash })
    .from(staffSetupTokens)
    .where(isLiveSetupToken(token, deps.clock.now()));
  return Boolean(row) && !(await hasActiveAdmin(deps.db));
}

/** Marks the setup link used inside the caller's transaction; throws when it is not valid any more. */
export async function consumeSetupToken(deps: Deps, tx: Deps['db'], token: string): Promise<void> {
  const now = deps.clock.now();
  const used = await tx
    .update(staffSetupTokens)
    .set({ usedAt: now })
    .where(isLiveSetupToken(token, now))
    .returning({ h: staffSetupTokens.tokenHash });
  if (used.length === 0) throw new NotFoundError('setup_link');
  if (await hasActiveAdmin(tx)) throw new UnprocessableError('staff.err.admin_exists');
}

/** At start-up: when there is no admin yet, print the one-time setup link for the operator. */
export async function announceSetupLink(
  deps: Deps,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<void> {
  try {
    const link = await issueSetupLink(deps);
    if (!link) return;
    const minutes = SETUP_TOKEN_TTL_MS / 60_000;
    write(
      `\nNo hay ninguna cuenta de administración. Crea la primera en este enlace (un solo uso, caduca en ${minutes} minutos):\n  ${link}\n` +
        'O desde la línea de comandos, con el servidor detenido: npm run cli -- create-user --email CORREO --role admin\n\n',
    );
  } catch (err) {
    deps.logger.error({ err: (err as Error).message }, 'setup link not issued');
  }
}
