import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_LINK_DAYS = 30;

function mac(secret: string, sha256: string, name: string, expires: number): string {
  return createHmac('sha256', secret)
    .update(`download:${sha256}:${name}:${expires}`)
    .digest('base64url')
    .slice(0, 32);
}

/** A signed, expiring download link: `/descargas/<sha256>/<name>?e=<unix seconds>&s=<hmac>`. */
export function downloadPath(secret: string, sha256: string, name: string, expiresAt: Date): string {
  const e = Math.floor(expiresAt.getTime() / 1000);
  return `/descargas/${sha256}/${encodeURIComponent(name)}?e=${e}&s=${mac(secret, sha256, name, e)}`;
}

/** True when the link was made by us for these bytes and name and has not expired. */
export function checkDownloadLink(
  secret: string,
  link: { sha256: string; name: string; e: string | undefined; s: string | undefined },
  now: Date,
): boolean {
  const e = Number(link.e);
  if (!Number.isInteger(e) || !link.s || e * 1000 < now.getTime()) return false;
  const expected = Buffer.from(mac(secret, link.sha256, link.name, e));
  const sent = Buffer.from(link.s);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
