import { constants, createPublicKey, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { pendingSignatures, signingCertificates } from '../../db/schema/index.ts';
import { isTestCertificate } from '../../documents/dev-ca.ts';
import type { OficioDraft } from '../../documents/issue.ts';
import { UnprocessableError } from '../../domain/errors.ts';

/** How long a director has between opening the signing page and finishing the signature. */
export const PENDING_SIGNATURE_MINUTES = 30;

/** The director's registered certificate (public part only), checked against every browser signature. */
export async function directorCertificate(db: Database, staffId: string) {
  const rows = await db
    .select()
    .from(signingCertificates)
    .where(and(eq(signingCertificates.role, 'director'), eq(signingCertificates.active, true)))
    .orderBy(desc(signingCertificates.createdAt));
  const row = rows.find((r) => r.staffId === staffId) ?? rows.find((r) => r.staffId === null);
  if (!row) throw new UnprocessableError('documents.error.no_signer');
  const der = new Uint8Array(Buffer.from(row.der, 'base64'));
  const certificate = new X509Certificate(der);
  return { row, der, certificate, test: isTestCertificate(certificate.subject) };
}

/** RSA PKCS#1 v1.5 / SHA-256 signature check with the registered certificate's key. */
export function signatureMatches(
  certificate: X509Certificate,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  try {
    const key = createPublicKey(certificate.publicKey.export({ format: 'pem', type: 'spki' }));
    return rsaVerify('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
}

export function draftToJson(d: OficioDraft): Record<string, unknown> {
  return { ...d, issuedAt: d.issuedAt.toISOString() };
}

export function draftFromJson(j: Record<string, unknown>): OficioDraft {
  return { ...(j as unknown as OficioDraft), issuedAt: new Date(j.issuedAt as string) };
}

export async function loadPending(db: Database, pendingId: string, staffId: string, now: Date) {
  if (!/^[0-9a-f-]{36}$/.test(pendingId)) throw new UnprocessableError('documents.error.signature_expired');
  const [row] = await db.select().from(pendingSignatures).where(eq(pendingSignatures.id, pendingId)).limit(1);
  if (!row || row.staffId !== staffId || row.expiresAt < now)
    throw new UnprocessableError('documents.error.signature_expired');
  return row;
}
