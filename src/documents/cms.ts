import { createHash } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// OIDs used by a PAdES B-B CMS (ETSI EN 319 122-1 / RFC 5652 / RFC 5035).
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

/** Signs the DER of the signed attributes (RSA PKCS#1 v1.5 with SHA-256); a file key, a browser or an HSM. */
export type SignAttributes = (signedAttributesDer: Uint8Array) => Promise<Uint8Array>;

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** ESS signing-certificate-v2: SHA-256 of the certificate plus its issuer and serial (RFC 5035). */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): asn1js.Sequence {
  const certHash = createHash('sha256').update(certDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames ::= SEQUENCE OF GeneralName; directoryName is [4] EXPLICIT Name.
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] }),
        ],
      }),
      cert.serialNumber,
    ],
  });
  // hashAlgorithm is omitted: SHA-256 is its DEFAULT, and DER forbids encoding defaults.
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function signedAttributes(digest: Uint8Array, certDer: Uint8Array, cert: pkijs.Certificate) {
  return new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })],
      }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(certDer, cert)] }),
    ],
  });
}

/** DER of the signed attributes as they are signed: a SET (tag 0x31), not the [0] IMPLICIT of SignerInfo. */
export function signedAttributesDer(digest: Uint8Array, certDer: Uint8Array): Uint8Array {
  const attrs = signedAttributes(digest, certDer, parseCertificate(certDer));
  const der = new Uint8Array(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/** Assembles a detached CMS SignedData (ETSI.CAdES.detached) from a signature over the signed attributes. */
export function assembleCms(opts: {
  digest: Uint8Array;
  signature: Uint8Array;
  certDer: Uint8Array;
  chainDer?: Uint8Array[];
}): Uint8Array {
  const cert = parseCertificate(opts.certDer);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: signedAttributes(opts.digest, opts.certDer, cert),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.rsaEncryption,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(opts.signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...(opts.chainDer ?? []).map(parseCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * The @signpdf Signer: hashes the byte ranges, builds the signed attributes and has `signAttributes`
 * sign them, so the private key can live in a file, a browser or an HSM.
 */
export class CmsSigner extends Signer {
  constructor(
    private readonly certDer: Uint8Array,
    private readonly signAttributes: SignAttributes,
    private readonly chainDer: Uint8Array[] = [],
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(pdfBuffer).digest();
    const signature = await this.signAttributes(signedAttributesDer(digest, this.certDer));
    return Buffer.from(assembleCms({ digest, signature, certDer: this.certDer, chainDer: this.chainDer }));
  }
}
