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
