import { eq } from 'drizzle-orm';
import { oficios } from '../../db/schema/index.ts';
import { normalizeVerificationCode, sha256Hex } from '../../documents/codes.ts';
import { verifyPdfSignature } from '../../documents/verify.ts';
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

/**
 * Checks an uploaded PDF against the registered oficio: identical bytes (SHA-256), and a PAdES
 * signature that verifies on its own (so a changed copy is told apart from an unsigned one).
 */
export async function checkUploadedOficio(
  deps: Pick<Deps, 'db'>,
  typed: string,
  bytes: Uint8Array,
): Promise<{ genuine: boolean; signatureValid: boolean }> {
  const oficio = await findOficioByCode(deps, typed);
  const check = verifyPdfSignature(bytes);
  return { genuine: sha256Hex(bytes) === oficio.sha256 && check.valid, signatureValid: check.valid };
}
