import type { Database } from '../../db/client.ts';
import type { RequestRow } from '../../db/requests.ts';
import { requesterSignInLinks } from '../../db/schema/index.ts';
import type { Deps } from '../deps.ts';
import { newToken, sha256Hex } from './tokens.ts';

/** How long the link in a requester e-mail opens the request (as long as the answer's download links). */
export const REQUEST_LINK_DAYS = 30;

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

/**
 * Where a requester e-mail about `req` sends them: a single-use link that opens the request itself
 * (valid until `expiresAt`, by default REQUEST_LINK_DAYS), so they need no second e-mail to sign in.
 * An anonymised request gets no e-mail, so no link is stored for it: the portal's address instead.
 */
export async function requesterRequestUrl(
  tx: Database,
  deps: Pick<Deps, 'config'>,
  req: Pick<RequestRow, 'folio' | 'requesterEmail' | 'anonymizedAt'>,
  now: Date,
  expiresAt: Date = requestLinkExpiry(now),
): Promise<string> {
  if (req.anonymizedAt) return `${deps.config.publicBaseUrl}/mis-solicitudes`;
  return requestLink(tx, deps, { email: req.requesterEmail, folio: req.folio, now, expiresAt });
}

/** When a link built now by requesterRequestUrl stops working (the e-mails state the date). */
export function requestLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + REQUEST_LINK_DAYS * 24 * 3600_000);
}
