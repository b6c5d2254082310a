import type { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UnprocessableError } from '../domain/errors.ts';
import type { SignAttributes } from './cms.ts';
import { isTestCertificate, SIGNERS_DIR } from './dev-ca.ts';
import { fileKeySigner, loadEfirma } from './efirma.ts';

/** Who signs: a certificate plus something that makes RSA-SHA256 signatures with its key. */
export type AnswerSigner = {
  role: 'seal' | 'director';
  certificate: X509Certificate;
  certDer: Uint8Array;
  chainDer: Uint8Array[];
  /** RSA PKCS#1 v1.5 over SHA-256 of the bytes: used for the sello digital and the CMS. */
  sign: SignAttributes;
  /** Issued by the development test CA: the document says "sin validez oficial". */
  test: boolean;
};

/** The adapter services use (in `Deps` as `signers`). */
export type SignerProvider = {
  /** The institutional seal (e.sello) for automatic answers; throws a clear error when not installed. */
  seal(now: Date): Promise<AnswerSigner>;
};

export function signersDir(dataDir: string): string {
  return join(dataDir, ...SIGNERS_DIR);
}

function readOptional(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Reads the seal from DATA_DIR/config/signers (seal.cer, seal.key) with its password from the
 * configuration (SEAL_KEY_PASSWORD, validated with the rest) or seal.password. The decrypted key stays
 * in memory only; it is never logged.
 */
export function fileSignerProvider(dataDir: string, sealKeyPassword?: string): SignerProvider {
  let cached: { signer: AnswerSigner; validTo: Date; stamp: string } | undefined;
  // A `signer import` while the server runs replaces the files: their times say the cache is stale.
  const stamp = () => {
    try {
      const dir = signersDir(dataDir);
      return ['seal.cer', 'seal.key'].map((f) => statSync(join(dir, f)).mtimeMs).join(':');
    } catch {
      return 'missing';
    }
  };
  return {
    async seal(now) {
      if (cached && now <= cached.validTo && cached.stamp === stamp()) return cached.signer;
      const dir = signersDir(dataDir);
      const cer = readOptional(join(dir, 'seal.cer'));
      const key = readOptional(join(dir, 'seal.key'));
      const password = sealKeyPassword ?? readOptional(join(dir, 'seal.password'))?.toString('utf8').trim();
      if (!cer || !key || password === undefined) throw new UnprocessableError('documents.error.no_signer');
      const pair = loadEfirma({ cer, key, password, now });
      const chainDer = [readOptional(join(dir, 'test-ca.cer')), readOptional(join(dir, 'seal-chain.cer'))]
        .filter((b): b is Buffer => !!b)
        .map((b) => new Uint8Array(b));
      const signer: AnswerSigner = {
        role: 'seal',
        certificate: pair.certificate,
        certDer: pair.certDer,
        chainDer: isTestCertificate(pair.certificate.subject) ? chainDer : chainDer.slice(-1),
        sign: fileKeySigner(pair.privateKey),
        test: isTestCertificate(pair.certificate.subject),
      };
      cached = { signer, validTo: new Date(pair.certificate.validTo), stamp: stamp() };
      return signer;
    },
  };
}
