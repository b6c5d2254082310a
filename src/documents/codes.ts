import { createHash, randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O, U, so a code read aloud or typed by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random verification code: 16 base32 symbols = 80 bits, shown as `7K2M-9QXD-4HRT-B8NW`. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The canonical form of a typed code (case, dashes, spaces and look-alike letters forgiven), or null. */
export function normalizeVerificationCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(s)) return null;
  return s.match(/.{4}/g)!.join('-');
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
