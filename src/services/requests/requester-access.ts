import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { requesterSessions, requesterSignInLinks, requests } from '../../db/schema/index.ts';
import { type Actor, SYSTEM } from '../../domain/actor.ts';
import { UnprocessableError } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';
import { normalizeEmail } from './request-input.ts';
import { insertSignInLink } from './request-link.ts';
import { newToken, sha256Hex } from './tokens.ts';

export const SIGN_IN_LINK_MINUTES = 30;
export const SESSION_HOURS = 12;

/**
 * Sends a one-time sign-in link to `email` when it has asked us something. The caller always shows the
 * same message, so nobody learns whether an address has requests.
 */
export async function sendSignInLink(deps: Deps, cmd: { email: string; locale: Locale }): Promise<void> {
  const email = normalizeEmail(cmd.email);
  const [known] = await deps.db
    .select({ id: requests.id })
    .from(requests)
    .where(eq(requests.requesterEmail, email))
    .limit(1);
  if (!known) return;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx.delete(requesterSignInLinks).where(lt(requesterSignInLinks.expiresAt, now));
    const token = await insertSignInLink(tx, {
      email,
      now,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
    });
    const tokenHash = sha256Hex(token);
    await appendAudit(tx, { actor: SYSTEM, action: 'requester.sign_in_link_sent', at: now });
    await queueMail(tx, deps, {
      template: 'requester.sign_in_link',
      to: email,
      locale: cmd.locale,
      data: {
        link: `${deps.config.publicBaseUrl}/mis-solicitudes/entrar/${token}`,
        expiresMinutes: SIGN_IN_LINK_MINUTES,
      },
      dedupeKey: `mail:requester.sign_in_link:${tokenHash.slice(0, 24)}`,
    });
  });
}

/** Spends a sign-in link (once, before it expires) and opens a session. Returns the session id. */
export async function signInWithLink(
  deps: Deps,
  token: string,
): Promise<{ sessionId: string; email: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [link] = await tx
      .update(requesterSignInLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(requesterSignInLinks.tokenHash, sha256Hex(token)),
          isNull(requesterSignInLinks.usedAt),
          gt(requesterSignInLinks.expiresAt, now),
        ),
      )
      .returning({ email: requesterSignInLinks.email });
    if (!link) throw new UnprocessableError('portal.err.link_invalid');
    const sessionId = newToken(32);
    await tx.insert(requesterSessions).values({
      idHash: sha256Hex(sessionId),
      email: link.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    });
    await appendAudit(tx, {
      actor: { type: 'requester', email: link.email },
      action: 'requester.signed_in',
      at: now,
    });
    return { sessionId, email: link.email };
  });
}

/** The requester behind a session cookie, or null when absent or expired. */
export async function requesterForSession(deps: Deps, sessionId: string | undefined): Promise<Actor | null> {
  if (!sessionId || sessionId.length > 100) return null;
  const [row] = await deps.db
    .select({ email: requesterSessions.email })
    .from(requesterSessions)
    .where(
      and(
        eq(requesterSessions.idHash, sha256Hex(sessionId)),
        gt(requesterSessions.expiresAt, deps.clock.now()),
      ),
    )
    .limit(1);
  return row ? { type: 'requester', email: row.email } : null;
}

export async function signOut(deps: Deps, sessionId: string | undefined): Promise<void> {
  if (!sessionId) return;
  await deps.db.delete(requesterSessions).where(eq(requesterSessions.idHash, sha256Hex(sessionId)));
}
