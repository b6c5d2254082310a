import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret (tracking tokens, sign-in links, draft and session ids). */
export function newToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256 (hex): a copy of the database grants nothing. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function trackingUrl(publicBaseUrl: string, folio: string, token: string): string {
  return `${publicBaseUrl}/seguimiento/${encodeURIComponent(folio)}/${token}`;
}
