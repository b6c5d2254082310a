import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { requesterSignInLinks } from '../../db/schema/index.ts';
import { isClockPaused } from '../../domain/request-lifecycle.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';
import { clarificationDeadline } from '../staff/expire-clarification.ts';
import { newToken, sha256Hex } from './tokens.ts';

/** When the requester's answer to a prevención is due (null when none is pending). */
export async function pendingClarificationDeadline(
  deps: Pick<Deps, 'config' | 'db' | 'clock'>,
  request: Pick<RequestRow, 'status' | 'pausedAt'>,
): Promise<Date | null> {
  if (!isClockPaused(request.status) || !request.pausedAt) return null;
  return clarificationDeadline(request.pausedAt, await loadCalendar(deps));
}

/** Stores a new single-use sign-in token (its SHA-256 only) and returns the token. */
export async function insertSignInLink(
  tx: Database,
  link: { email: string; now: Date; expiresAt: Date },
): Promise<string> {
  const token = newToken(32);
  await tx.insert(requesterSignInLinks).values({
    tokenHash: sha256Hex(token),
    email: link.email,
    createdAt: link.now,
    expiresAt: link.expiresAt,
  });
  return token;
}

/**
 * A single-use link that signs the requester in and opens one request (a sign-in link of the portal,
 * spent by signInWithLink, carrying where to land). Only its SHA-256 is stored.
 */
export async function requestLink(
  tx: Database,
  deps: Pick<Deps, 'config'>,
  link: { email: string; folio: string; now: Date; expiresAt: Date },
): Promise<string> {
  const token = await insertSignInLink(tx, link);
  return `${deps.config.publicBaseUrl}/mis-solicitudes/entrar/${token}?solicitud=${encodeURIComponent(link.folio)}`;
}
