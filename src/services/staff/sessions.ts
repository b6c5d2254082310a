import { eq, lt, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { staffSessions, staffUsers } from '../../db/schema/index.ts';
import type { StaffRole } from '../../domain/actor.ts';
import { newToken, sha256Hex } from '../requests/tokens.ts';

/** A signed-in staff member: an Actor of type 'staff' with what the screens show. */
export type StaffPrincipal = { type: 'staff'; id: string; role: StaffRole; name: string; email: string };

/** Sessions end after 30 minutes without activity, and after 12 hours in any case. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3_600_000;
// Writing last_seen_at on every request is wasteful; a minute of precision is enough.
const TOUCH_EVERY_MS = 60_000;

/** Creates a session and returns its token (the cookie value); only its hash is stored. */
export async function createSession(
  db: Database,
  userId: string,
  now: Date,
  opts: { pendingTotp?: boolean } = {},
): Promise<string> {
  const token = newToken(32);
  await db.insert(staffSessions).values({
    idHash: sha256Hex(token),
    userId,
    pendingTotp: opts.pendingTotp ?? false,
    createdAt: now,
    lastSeenAt: now,
  });
  return token;
}

export async function deleteSession(db: Database, token: string | undefined): Promise<void> {
  if (token) await db.delete(staffSessions).where(eq(staffSessions.idHash, sha256Hex(token)));
}

export async function findSessionRow(db: Database, token: string) {
  const [row] = await db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.idHash, sha256Hex(token)))
    .limit(1);
  return row;
}

/** The staff member behind a session token, or null when it is unknown, expired, or half-way (TOTP). */
export async function resolveStaffSession(
  db: Database,
  token: string | undefined,
  now: Date,
): Promise<StaffPrincipal | null> {
  if (!token || token.length > 100) return null;
  const row = await findSessionRow(db, token);
  if (!row || row.session.pendingTotp || !row.user.active) return null;
  const t = now.getTime();
  if (
    t - row.session.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    t - row.session.createdAt.getTime() > SESSION_MAX_MS
  ) {
    await db.delete(staffSessions).where(eq(staffSessions.idHash, row.session.idHash));
    return null;
  }
  if (t - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(staffSessions)
      .set({ lastSeenAt: now })
      .where(eq(staffSessions.idHash, row.session.idHash));
  }
  const u = row.user;
  return { type: 'staff', id: u.id, role: u.role, name: u.name, email: u.email };
}

/** Removes every session of a user (role change, deactivation) and stale ones of anybody. */
export async function endSessionsOf(db: Database, userId: string, now: Date): Promise<void> {
  await db
    .delete(staffSessions)
    .where(
      or(
        eq(staffSessions.userId, userId),
        lt(staffSessions.createdAt, new Date(now.getTime() - SESSION_MAX_MS)),
      ),
    );
}
