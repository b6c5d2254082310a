import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { oficios, signingCertificates } from '../../db/schema/index.ts';
import { normalizeVerificationCode, sha256Hex } from '../../documents/codes.ts';
import {
  certificateTrust,
  findSignature,
  type RegisteredCertificate,
  verifyPdfSignature,
} from '../../documents/verify.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { oficioRevocation } from './revoke-oficio.ts';

/** What anyone may see about a signed oficio: no personal data of the requester. */
export type PublicOficio = {
  code: string;
  folio: string;
  number: string;
  signedAt: Date;
  signatoryName: string;
  signatoryPost: string;
  sha256: string;
  status: 'valid' | 'revoked' | 'replaced';
  /** When and why, for a revoked or replaced oficio (the reason is written to be public). */
  revocation: { at: Date; reason: string } | null;
  test: boolean;
};

/** The oficio registered under a typed verification code; NotFoundError when there is none. */
export async function findOficioByCode(deps: Pick<Deps, 'db'>, typed: string): Promise<PublicOficio> {
  const code = normalizeVerificationCode(typed);
  if (!code) throw new NotFoundError('verification');
  const [o] = await deps.db.select().from(oficios).where(eq(oficios.verificationCode, code)).limit(1);
  if (!o) throw new NotFoundError('verification');
  return {
    code,
    folio: o.folio,
    number: o.number,
    signedAt: o.signedAt,
    signatoryName: o.signatoryName,
    signatoryPost: o.signatoryPost,
    sha256: o.sha256,
    status: o.status,
    revocation: o.status === 'valid' ? null : await oficioRevocation(deps, o),
    test: o.test,
  };
}

/** What a check of an uploaded copy found, each part named so the page can say which one failed. */
export type UploadCheck = {
  /** Both hold: the registered bytes, signed by the agency. */
  genuine: boolean;
  /** The bytes are exactly those of the registered oficio (SHA-256). */
  identical: boolean;
  /**
   * `valid`: the signature verifies and its certificate is the agency's (registered, current at the
   * registered signing time, not replaced then); `missing`: no signature; `broken`: a signature that
   * does not verify or does not cover the whole file; `unknown`: a signature by a certificate the
   * agency never registered (another CA); `not_current` / `inactive`: the agency's certificate, but
   * outside its validity or after it was replaced.
   */
  signature: 'valid' | 'missing' | 'broken' | 'unknown' | 'not_current' | 'inactive';
};

/**
 * The agency's signing certificates with the time each stopped signing: a row that is no longer active
 * stopped when the next one of its role was registered (installing a signer deactivates the previous
 * one), or, with no later row, from its own registration (so it is never trusted).
 */
export async function registeredCertificates(db: Database): Promise<RegisteredCertificate[]> {
  const rows = await db.select().from(signingCertificates);
  return rows.map((r) => {
    const later = rows
      .filter((o) => o.role === r.role && o.createdAt > r.createdAt)
      .map((o) => o.createdAt.getTime());
    return {
      der: new Uint8Array(Buffer.from(r.der, 'base64')),
      notBefore: r.notBefore,
      notAfter: r.notAfter,
      inactiveSince: r.active ? null : new Date(later.length ? Math.min(...later) : r.createdAt.getTime()),
    };
  });
}

/**
 * Checks an uploaded PDF against the oficio registered under the code: identical bytes (SHA-256), and
 * a PAdES signature that verifies and whose certificate is the agency's at the registered signing
 * time. A self-consistent signature by anyone else is `unknown`, never valid.
 */
export async function checkUploadedOficio(
  deps: Pick<Deps, 'db'>,
  typed: string,
  bytes: Uint8Array,
): Promise<UploadCheck> {
  const oficio = await findOficioByCode(deps, typed);
  const identical = sha256Hex(bytes) === oficio.sha256;
  const signature = await signatureVerdict(deps.db, bytes, oficio.signedAt);
  return { genuine: identical && signature === 'valid', identical, signature };
}

async function signatureVerdict(
  db: Database,
  bytes: Uint8Array,
  signedAt: Date,
): Promise<UploadCheck['signature']> {
  if (!findSignature(Buffer.from(bytes))) return 'missing';
  const check = verifyPdfSignature(bytes);
  if (!check.valid) return 'broken';
  const trust = certificateTrust(check, await registeredCertificates(db), signedAt);
  return trust === 'registered' ? 'valid' : trust;
}
