import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { type Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';

/** Room for the CMS in /Contents (bytes): enough for a 4096-bit key, the certificate and its CA. */
export const SIGNATURE_PLACEHOLDER_BYTES = 16_384;

export type SignatureInfo = {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
};

/** Adds a PAdES B-B (ETSI.CAdES.detached) signature field to an unsaved document. */
export function addSignaturePlaceholder(pdfDoc: PDFDocument, info: SignatureInfo): void {
  pdflibAddPlaceholder({
    pdfDoc,
    reason: info.reason.normalize('NFC'),
    name: info.name.normalize('NFC'),
    location: info.location.normalize('NFC'),
    contactInfo: info.contactInfo,
    signingTime: info.signingTime,
    signatureLength: SIGNATURE_PLACEHOLDER_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Dato Oficial',
  });
}

/** Saves the document with its placeholder in the classic xref form @signpdf expects. */
export async function savePrepared(pdfDoc: PDFDocument): Promise<Uint8Array> {
  return pdfDoc.save({ useObjectStreams: false });
}

/** Embeds the signature. The result is final: never load and save it again (that breaks the signature). */
export async function signPreparedPdf(prepared: Uint8Array, signer: Signer): Promise<Buffer> {
  return new SignPdf().sign(Buffer.from(prepared), signer);
}
