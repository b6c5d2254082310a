import { sha256Hex } from './codes.ts';

/** What the cadena original seals: the facts of the answer, in a fixed order. */
export type CadenaFields = {
  agencyCode: string;
  oficioNumber: string;
  folio: string;
  issuedAt: Date;
  signatoryName: string;
  certificateSerial: string;
  subject: string;
  /** SHA-256 of the body text, so the seal covers what the oficio says. */
  bodySha256: string;
  attachments: { name: string; sha256: string }[];
  verificationCode: string;
};

const clean = (s: string) => s.normalize('NFC').replace(/\|/g, '/').replace(/\s+/g, ' ').trim();

/**
 * Cadena original in the SAT style: `||v1|field|field|…||`. Pipes inside values become slashes and
 * whitespace is collapsed, so the string is unambiguous and reproducible from the stored facts.
 */
export function cadenaOriginal(f: CadenaFields): string {
  const parts = [
    '1',
    f.agencyCode,
    f.oficioNumber,
    f.folio,
    f.issuedAt.toISOString(),
    f.signatoryName,
    f.certificateSerial,
    f.subject,
    f.bodySha256,
    ...f.attachments.map((a) => `${a.name}:${a.sha256}`),
    f.verificationCode,
  ].map(clean);
  return `||${parts.join('|')}||`;
}

export function bodyHash(paragraphs: string[]): string {
  return sha256Hex(paragraphs.map((p) => p.normalize('NFC')).join('\n'));
}
