import { createHash } from 'node:crypto';
import { translate } from '../i18n/index.ts';
import { bodyHash, cadenaOriginal } from './cadena.ts';
import { CmsSigner, type SignAttributes } from './cms.ts';
import type { OficioContent } from './oficio.ts';
import { renderOficio } from './oficio.ts';
import { addSignaturePlaceholder, savePrepared, signPreparedPdf } from './pdf-sign.ts';
import type { AnswerSigner } from './signer.ts';

export type OficioDraft = Omit<OficioContent, 'cadena' | 'sello' | 'certificateSerial' | 'testMark'> & {
  agencyCode: string;
};

export type IssuedOficio = { pdf: Buffer; sha256: string; cadena: string; sello: string };

export function cadenaFor(draft: OficioDraft, certificateSerial: string): string {
  return cadenaOriginal({
    agencyCode: draft.agencyCode,
    oficioNumber: draft.oficioNumber,
    folio: draft.folio,
    issuedAt: draft.issuedAt,
    signatoryName: draft.signatory.name,
    certificateSerial,
    subject: draft.subject,
    bodySha256: bodyHash([...draft.paragraphs, ...draft.table.rows.map((r) => r.join('\t'))]),
    attachments: draft.attachments,
    verificationCode: draft.verificationCode,
  });
}

/** Renders the oficio with its sello and signature placeholder, saved once; ready for the CMS. */
export async function prepareOficio(
  draft: OficioDraft,
  signer: Pick<AnswerSigner, 'certificate' | 'test'>,
  sello: string,
): Promise<Uint8Array> {
  const { agencyCode: _agency, ...rest } = draft;
  const doc = await renderOficio({
    ...rest,
    cadena: cadenaFor(draft, signer.certificate.serialNumber),
    sello,
    certificateSerial: signer.certificate.serialNumber,
    testMark: signer.test,
  });
  addSignaturePlaceholder(doc, {
    reason: translate('es-MX', 'oficio.signature_reason', { folio: draft.folio }),
    name: draft.signatory.name,
    location: draft.city,
    contactInfo: draft.verificationUrl,
    signingTime: draft.issuedAt,
  });
  return savePrepared(doc);
}

/**
 * The oficio as it will read, before anything is signed: no número, sello or verification code are
 * taken (the draft carries placeholders), every page says it is an unsigned draft.
 */
export async function previewOficio(draft: OficioDraft): Promise<Uint8Array> {
  const { agencyCode: _agency, ...rest } = draft;
  const doc = await renderOficio({
    ...rest,
    cadena: '',
    sello: '',
    certificateSerial: '',
    testMark: false,
    preview: true,
  });
  return doc.save({ useObjectStreams: false });
}

/** Server-side issuance (institutional seal): sello over the cadena, render, PAdES sign. */
export async function issueOficio(draft: OficioDraft, signer: AnswerSigner): Promise<IssuedOficio> {
  const cadena = cadenaFor(draft, signer.certificate.serialNumber);
  const sello = Buffer.from(await signer.sign(Buffer.from(cadena, 'utf8'))).toString('base64');
  const prepared = await prepareOficio(draft, signer, sello);
  const pdf = await signPreparedPdf(prepared, new CmsSigner(signer.certDer, signer.sign, signer.chainDer));
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), cadena, sello };
}

/**
 * The bytes a remote signer (the director's browser) must sign for a prepared PDF: the DER of the
 * CMS signed attributes. Computed by running @signpdf up to the signer call.
 */
export async function signedAttributesFor(prepared: Uint8Array, certDer: Uint8Array): Promise<Uint8Array> {
  let captured: Uint8Array | undefined;
  const capture: SignAttributes = async (der) => {
    captured = der;
    return new Uint8Array(256);
  };
  await signPreparedPdf(prepared, new CmsSigner(certDer, capture));
  return captured!;
}

/** Embeds a signature made elsewhere over `signedAttributesFor(prepared, certDer)`. */
export async function completeOficio(
  prepared: Uint8Array,
  certDer: Uint8Array,
  chainDer: Uint8Array[],
  signature: Uint8Array,
): Promise<Buffer> {
  return signPreparedPdf(prepared, new CmsSigner(certDer, async () => signature, chainDer));
}
