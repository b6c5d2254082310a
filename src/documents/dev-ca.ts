import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

/** Marker in the subject of every certificate made here: documents signed with them are test documents. */
export const TEST_CA_ORGANIZATION = 'Dato Oficial - AC de PRUEBAS (sin validez oficial)';

type Name = { cn: string; o: string; ou?: string; serialNumber?: string };

// UTF8String: forge UTF-8-encodes values of that type itself (so pass plain JS strings).
function forgeName(n: Name): forge.pki.CertificateField[] {
  const utf8 = (value: string) => ({
    value: value.normalize('NFC'),
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  });
  return [
    { shortName: 'C', value: 'MX' },
    { shortName: 'O', ...utf8(n.o) },
    ...(n.ou ? [{ shortName: 'OU', ...utf8(n.ou) }] : []),
    { shortName: 'CN', ...utf8(n.cn) },
    ...(n.serialNumber ? [{ name: 'serialNumber', value: n.serialNumber }] : []),
  ];
}

function rsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    nodePrivate: privateKey,
    forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function certDer(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
}

export type TestCertificateFiles = { cer: Buffer; key: Buffer; password: string };

/**
 * A test CA and certificates issued by it, in the formats SAT uses (DER .cer, encrypted PKCS#8 DER .key).
 * For development and tests only.
 */
export function createTestCa(opts: { now: Date; caName?: string }) {
  const ca = rsaKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.forgePublic;
  caCert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  caCert.validity.notBefore = new Date(opts.now.getTime() - 24 * 3600_000);
  caCert.validity.notAfter = new Date(opts.now.getTime() + 10 * 365 * 24 * 3600_000);
  const caSubject = forgeName({
    cn: opts.caName ?? 'Autoridad Certificadora de Pruebas — Dato Oficial',
    o: TEST_CA_ORGANIZATION,
  });
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  caCert.sign(ca.forgePrivate, forge.md.sha256.create());

  return {
    caCer: certDer(caCert),
    /** Issues a signing certificate; `validDays` may be negative to get an expired one. */
    issue(subject: Name & { validDays?: number; notBefore?: Date }, password: string): TestCertificateFiles {
      const pair = rsaKeyPair();
      const cert = forge.pki.createCertificate();
      cert.publicKey = pair.forgePublic;
      cert.serialNumber = `02${randomBytes(8).toString('hex')}`;
      const notBefore = subject.notBefore ?? new Date(opts.now.getTime() - 3600_000);
      cert.validity.notBefore = notBefore;
      cert.validity.notAfter = new Date(notBefore.getTime() + (subject.validDays ?? 4 * 365) * 24 * 3600_000);
      cert.setSubject(forgeName({ ...subject, o: `${subject.o} (${TEST_CA_ORGANIZATION})` }));
      cert.setIssuer(caSubject);
      cert.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
      ]);
      cert.sign(ca.forgePrivate, forge.md.sha256.create());
      const key = pair.nodePrivate.export({
        type: 'pkcs8',
        format: 'der',
        cipher: 'aes-256-cbc',
        passphrase: password,
      });
      return { cer: certDer(cert), key: Buffer.from(key), password };
    },
  };
}

/** True when the certificate was issued by our test CA (its subject carries the marker). */
export function isTestCertificate(subject: string): boolean {
  return subject.includes(TEST_CA_ORGANIZATION);
}

export const SIGNERS_DIR = ['config', 'signers'] as const;

/**
 * Development default: on first start, a test CA plus an institutional seal and a director certificate
 * under DATA_DIR/config/signers. Real ones replace them with `signer import`.
 */
export function ensureDevSigners(
  dataDir: string,
  now: Date,
  agency: { name: string; signatoryName: string; signatoryPost: string },
): boolean {
  const dir = join(dataDir, ...SIGNERS_DIR);
  if (existsSync(join(dir, 'seal.cer'))) return false;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = createTestCa({ now });
  const sealPassword = randomBytes(18).toString('base64url');
  const seal = ca.issue(
    { cn: `${agency.name} — Sello institucional`, o: agency.name, ou: 'e.sello' },
    sealPassword,
  );
  const directorPassword = 'prueba-director';
  const director = ca.issue(
    { cn: agency.signatoryName, o: agency.name, ou: agency.signatoryPost },
    directorPassword,
  );
  writeFileSync(join(dir, 'test-ca.cer'), ca.caCer);
  writeFileSync(join(dir, 'seal.cer'), seal.cer);
  writeFileSync(join(dir, 'seal.key'), seal.key, { mode: 0o600 });
  writeFileSync(join(dir, 'seal.password'), sealPassword, { mode: 0o600 });
  // The director's pair is for trying the browser signing page in development; the server never uses its key.
  writeFileSync(join(dir, 'director-test.cer'), director.cer);
  writeFileSync(join(dir, 'director-test.key'), director.key, { mode: 0o600 });
  writeFileSync(join(dir, 'director-test.password.txt'), directorPassword, { mode: 0o600 });
  return true;
}
