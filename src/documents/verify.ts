import { createHash, createPublicKey, verify as rsaVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './cms.ts';

export type PdfSignatureCheck = {
  /** Every check passed. */
  valid: boolean;
  /** The signed ranges cover the whole file except the signature itself (nothing appended). */
  coversWholeFile: boolean;
  digestMatches: boolean;
  signatureValid: boolean;
  signingCertificateV2Matches: boolean;
  subFilter: string | null;
  certificate: X509Certificate | null;
  /** SHA-256 (hex) of the signer's certificate DER. */
  certificateSha256: string | null;
  /** Every certificate the CMS carries (DER): the signer's and any chain, to build a path to a registered one. */
  embeddedCertificates: Uint8Array[];
};

const EMPTY: PdfSignatureCheck = {
  valid: false,
  coversWholeFile: false,
  digestMatches: false,
  signatureValid: false,
  signingCertificateV2Matches: false,
  subFilter: null,
  certificate: null,
  certificateSha256: null,
  embeddedCertificates: [],
};

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The last signature's ByteRange and /Contents of a PDF, or null when it has none. */
export function findSignature(
  pdf: Buffer,
): { byteRange: number[]; contents: Buffer; subFilter: string | null } | null {
  const text = pdf.toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (!last) return null;
  const byteRange = last.slice(1, 5).map(Number);
  const [, len1 = 0, start2 = 0] = byteRange;
  const hex = text.slice(len1, start2);
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return null;
  const sub = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text.slice(Math.max(0, (last.index ?? 0) - 2000), len1));
  return { byteRange, contents: Buffer.from(hex.slice(1, -1), 'hex'), subFilter: sub?.[1] ?? null };
}

/**
 * Checks a PAdES signature in Node: ByteRange covers the whole file, the message digest matches the
 * signed bytes, the RSA signature over the signed attributes verifies with the embedded certificate,
 * and signing-certificate-v2 names that certificate.
 */
export function verifyPdfSignature(pdfBytes: Uint8Array): PdfSignatureCheck {
  const pdf = Buffer.from(pdfBytes);
  const found = findSignature(pdf);
  if (!found) return EMPTY;
  const [start1 = -1, len1 = 0, start2 = 0, len2 = 0] = found.byteRange;
  const coversWholeFile = start1 === 0 && start2 + len2 === pdf.length && start2 > len1;
  try {
    const asn = asn1js.fromBER(toArrayBuffer(trimDer(found.contents)));
    const content = new pkijs.ContentInfo({ schema: asn.result });
    const signedData = new pkijs.SignedData({ schema: content.content });
    const signerInfo = signedData.signerInfos[0];
    const certs = (signedData.certificates ?? []).filter(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
    );
    if (!signerInfo?.signedAttrs) return { ...EMPTY, coversWholeFile, subFilter: found.subFilter };
    const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
    const signerCert = certs.find((c) => c.serialNumber.isEqual(sid.serialNumber)) ?? certs[0];
    if (!signerCert) return { ...EMPTY, coversWholeFile, subFilter: found.subFilter };
    const certDer = Buffer.from(signerCert.toSchema().toBER(false));
    const certificate = new X509Certificate(certDer);
    const certificateSha256 = createHash('sha256').update(certDer).digest('hex');

    const signed = Buffer.concat([pdf.subarray(start1, start1 + len1), pdf.subarray(start2, start2 + len2)]);
    const digest = createHash('sha256').update(signed).digest();
    const attr = (oid: string) => signerInfo.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0];
    const md = attr(OID.messageDigest) as asn1js.OctetString | undefined;
    const digestMatches = !!md && Buffer.from(md.valueBlock.valueHexView).equals(digest);

    const attrsDer = new Uint8Array(signerInfo.signedAttrs.encodedValue);
    attrsDer[0] = 0x31;
    const signatureValid = rsaVerify(
      'sha256',
      attrsDer,
      createPublicKey(certificate.publicKey.export({ format: 'pem', type: 'spki' })),
      Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    );

    const scv2 = attr(OID.signingCertificateV2) as asn1js.Sequence | undefined;
    const firstHash = (
      (
        (scv2?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as
          | asn1js.Sequence
          | undefined
      )?.valueBlock.value ?? []
    ).find((v) => v instanceof asn1js.OctetString) as asn1js.OctetString | undefined;
    const signingCertificateV2Matches =
      !!firstHash && Buffer.from(firstHash.valueBlock.valueHexView).toString('hex') === certificateSha256;

    return {
      valid: coversWholeFile && digestMatches && signatureValid && signingCertificateV2Matches,
      coversWholeFile,
      digestMatches,
      signatureValid,
      signingCertificateV2Matches,
      subFilter: found.subFilter,
      certificate,
      certificateSha256,
      embeddedCertificates: certs.map((c) => new Uint8Array(c.toSchema().toBER(false))),
    };
  } catch {
    return { ...EMPTY, coversWholeFile, subFilter: found.subFilter };
  }
}

// /Contents is zero-padded after the DER; the outer SEQUENCE's length says where the CMS ends.
function trimDer(bytes: Buffer): Buffer {
  const asn = asn1js.fromBER(toArrayBuffer(bytes));
  if (asn.offset <= 0) return bytes;
  return bytes.subarray(0, asn.offset);
}

/** A certificate the agency registered (`signing_certificates`) and the times it could sign. */
export type RegisteredCertificate = {
  der: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** From when it no longer signs for the agency (replaced or deactivated); null while active. */
  inactiveSince: Date | null;
};

/**
 * Whose signature it is: `registered` when the signing certificate is one the agency registered, or
 * is issued (signature checked) through a path of certificates ending at one, and every certificate
 * on the way was current at `signedAt` and the registered one not yet inactive; `unknown` when no path
 * reaches a registered certificate (any other CA, however self-consistent its signature);
 * `not_current` / `inactive` when the path exists but the time rules fail.
 */
export type CertificateTrust = 'registered' | 'unknown' | 'not_current' | 'inactive';

const MAX_PATH = 5;

export function certificateTrust(
  check: Pick<PdfSignatureCheck, 'certificate' | 'embeddedCertificates'>,
  registered: RegisteredCertificate[],
  signedAt: Date,
): CertificateTrust {
  if (!check.certificate) return 'unknown';
  const anchors = registered.flatMap((r) => {
    try {
      return [{ ...r, x509: new X509Certificate(r.der) }];
    } catch {
      return [];
    }
  });
  const embedded = check.embeddedCertificates.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const current = (c: X509Certificate) =>
    new Date(c.validFrom) <= signedAt && signedAt <= new Date(c.validTo);
  let cert = check.certificate;
  let pathCurrent = true;
  const seen = new Set<string>();
  for (let depth = 0; depth < MAX_PATH && !seen.has(cert.fingerprint256); depth++) {
    seen.add(cert.fingerprint256);
    pathCurrent &&= current(cert);
    const anchor = anchors.find((a) => a.x509.fingerprint256 === cert.fingerprint256);
    if (anchor) {
      if (!pathCurrent || signedAt < anchor.notBefore || signedAt > anchor.notAfter) return 'not_current';
      if (anchor.inactiveSince && anchor.inactiveSince <= signedAt) return 'inactive';
      return 'registered';
    }
    const child = cert;
    const issuer = [...embedded, ...anchors.map((a) => a.x509)].find(
      (c) =>
        c.ca &&
        c.fingerprint256 !== child.fingerprint256 &&
        child.checkIssued(c) &&
        child.verify(c.publicKey),
    );
    if (!issuer) return 'unknown';
    cert = issuer;
  }
  return 'unknown';
}
