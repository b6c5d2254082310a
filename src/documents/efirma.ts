import { createPrivateKey, type KeyObject, sign, X509Certificate } from 'node:crypto';
import { UnprocessableError } from '../domain/errors.ts';
import type { SignAttributes } from './cms.ts';

/** An e.firma / e.sello pair as SAT issues it: DER `.cer` and encrypted PKCS#8 DER `.key`. */
export type EfirmaPair = {
  certificate: X509Certificate;
  certDer: Uint8Array;
  privateKey: KeyObject;
};

/** Reads the certificate; a file that is not a DER (or PEM) X.509 certificate is a clear error. */
export function readCertificate(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch {
    throw new UnprocessableError('documents.error.bad_certificate');
  }
}

/** The certificate must be valid at `now`: not yet valid or expired → clear error. */
export function assertCertificateCurrent(cert: X509Certificate, now: Date): void {
  if (now < new Date(cert.validFrom))
    throw new UnprocessableError('documents.error.certificate_not_yet_valid');
  if (now > new Date(cert.validTo)) {
    throw new UnprocessableError('documents.error.certificate_expired', { validTo: cert.validTo });
  }
}

/**
 * Opens the pair with node:crypto. Any decryption failure means a wrong password; a key that does not
 * belong to the certificate, or an expired certificate, is refused. Nothing here logs key material.
 */
export function loadEfirma(opts: {
  cer: Uint8Array;
  key: Uint8Array;
  password: string;
  now: Date;
}): EfirmaPair {
  const certificate = readCertificate(opts.cer);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({
      key: Buffer.from(opts.key),
      format: 'der',
      type: 'pkcs8',
      passphrase: opts.password.normalize('NFC'),
    });
  } catch {
    throw new UnprocessableError('documents.error.wrong_password');
  }
  if (!certificate.checkPrivateKey(privateKey)) throw new UnprocessableError('documents.error.key_mismatch');
  assertCertificateCurrent(certificate, opts.now);
  return { certificate, certDer: new Uint8Array(certificate.raw), privateKey };
}

/** RSA-SHA256 (PKCS#1 v1.5) with a file key. */
export function fileKeySigner(privateKey: KeyObject): SignAttributes {
  return async (der) => new Uint8Array(sign('sha256', der, privateKey));
}
