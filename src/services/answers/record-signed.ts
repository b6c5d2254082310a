import { eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { addTimelineEvent, moveRequestStatus, type RequestRow } from '../../db/requests.ts';
import { type AnswerFile, answers, oficios, signingCertificates } from '../../db/schema/index.ts';
import { sha256Hex } from '../../documents/codes.ts';
import { readCertificate } from '../../documents/efirma.ts';
import type { OficioDraft } from '../../documents/issue.ts';
import type { AnswerSigner } from '../../documents/signer.ts';
import { buildZip } from '../../documents/zip.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import type { RequestStatus } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { type ListingData, omittedStatements, zipReadme } from './file-listing.ts';

export type SignedOficio = { oficioId: string; verificationCode: string; sha256: string; number: string };

/** Who signed an oficio, as recorded: the signing certificate of `role`. */
type OficioSigner = { role: 'seal' | 'director'; serial: string; certDer: Uint8Array; test: boolean };

/** The record of a signature made with the institutional seal held by the server. */
export function sealSignerOf(signer: Pick<AnswerSigner, 'certificate' | 'certDer' | 'test'>): OficioSigner {
  return {
    role: 'seal',
    serial: signer.certificate.serialNumber,
    certDer: signer.certDer,
    test: signer.test,
  };
}

/** The year of a date in the agency's time zone (oficio numbers restart each year). */
export function agencyYear(deps: Pick<Deps, 'config'>, at: Date): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: deps.config.agency.timezone, year: 'numeric' }).format(at),
  );
}

/**
 * Stores a signed oficio's PDF once (never re-saved) and registers it for /verificar: every signed
 * oficio, an answer's or a rejection's, goes through here.
 */
export async function registerSignedPdf(
  tx: Database,
  deps: Deps,
  s: {
    req: Pick<RequestRow, 'id' | 'folio'>;
    draft: OficioDraft;
    pdf: Uint8Array;
    cadena: string;
    sello: string;
    signer: OficioSigner;
    now: Date;
  },
): Promise<{ id: string; stored: { sha256: string; size: number } }> {
  const stored = await deps.documents.put(tx, s.pdf, 'application/pdf');
  const [row] = await tx
    .insert(oficios)
    .values({
      requestId: s.req.id,
      number: s.draft.oficioNumber,
      folio: s.req.folio,
      verificationCode: s.draft.verificationCode,
      sha256: stored.sha256,
      signatoryName: s.draft.signatory.name,
      signatoryPost: s.draft.signatory.post,
      signerRole: s.signer.role,
      certificateSerial: s.signer.serial,
      certificateSha256: sha256Hex(s.signer.certDer),
      cadena: s.cadena,
      sello: s.sello,
      test: s.signer.test,
      signedAt: s.now,
    })
    .returning({ id: oficios.id });
  await registerSigningCertificate(tx, s.signer, s.now);
  return { id: row!.id, stored };
}

/**
 * The end of every signing, in the signing transaction: store the signed PDF once (never re-saved)
 * and the ZIP of everything, register the oficio for /verificar, mark the answer signed, move the
 * request, and record it in the timeline and the audit log.
 */
export async function recordSignedOficio(
  tx: Database,
  deps: Deps,
  s: {
    req: RequestRow;
    answer: { id: string; files: AnswerFile[] };
    draft: OficioDraft;
    pdf: Uint8Array;
    cadena: string;
    sello: string;
    signer: OficioSigner;
    next: RequestStatus;
    actor: Actor;
    now: Date;
  },
): Promise<SignedOficio> {
  const pdfName = `oficio-${s.req.folio}.pdf`;
  const { id: oficioId, stored } = await registerSignedPdf(tx, deps, s);
  const oficioFile: AnswerFile = {
    name: pdfName,
    kind: 'oficio',
    sha256: stored.sha256,
    mediaType: 'application/pdf',
    size: stored.size,
  };
  const dataFiles: { name: string; bytes: Uint8Array }[] = [];
  const zipped: AnswerFile[] = [oficioFile];
  for (const f of s.answer.files.filter((x) => x.kind !== 'oficio' && x.kind !== 'zip')) {
    const bytes = await deps.documents.get(f.sha256);
    if (bytes) {
      dataFiles.push({ name: f.name, bytes });
      zipped.push(f);
    }
  }
  // LEEME.txt says what each file is and what was asked and not produced.
  const [prepared] = await tx
    .select({ data: answers.data })
    .from(answers)
    .where(eq(answers.id, s.answer.id))
    .limit(1);
  const listing = (prepared?.data ?? {}) as ListingData;
  const readme = zipReadme(
    {
      folio: s.req.folio,
      agencyName: deps.config.agency.name,
      at: s.now,
      timeZone: deps.config.agency.timezone,
      verificationUrl: s.draft.verificationUrl,
      files: zipped,
      data: listing,
      omitted: omittedStatements(
        listing,
        s.req.formats,
        zipped.map((f) => f.kind),
        'es-MX',
      ),
    },
    'es-MX',
  );
  const zip = buildZip([{ name: pdfName, bytes: s.pdf }, ...dataFiles], s.now, readme);
  const zipStored = await deps.documents.put(tx, zip, 'application/zip');
  const files: AnswerFile[] = [
    oficioFile,
    ...s.answer.files.filter((f) => f.kind !== 'oficio' && f.kind !== 'zip'),
    {
      name: `${s.req.folio}.zip`,
      kind: 'zip',
      sha256: zipStored.sha256,
      mediaType: 'application/zip',
      size: zipStored.size,
    },
  ];
  await tx
    .update(answers)
    .set({ status: 'signed', oficioId, bundleSha256: zipStored.sha256, files })
    .where(eq(answers.id, s.answer.id));
  await moveRequestStatus(
    tx,
    s.req.id,
    s.req.status,
    s.next,
    { answeredBy: s.actor.type === 'system' ? 'auto' : 'staff' },
    s.now,
  );
  await addTimelineEvent(tx, {
    requestId: s.req.id,
    at: s.now,
    actor: actorLabel(s.actor),
    action: 'signed',
    fromStatus: s.req.status,
    toStatus: s.next,
  });
  await appendAudit(tx, {
    actor: s.actor,
    action: 'request.signed',
    subject: s.req.folio,
    data: {
      oficio: s.draft.oficioNumber,
      sha256: stored.sha256,
      signer: s.signer.role,
      certificateSerial: s.signer.serial,
      test: s.signer.test,
    },
    at: s.now,
  });
  return {
    oficioId,
    verificationCode: s.draft.verificationCode,
    sha256: stored.sha256,
    number: s.draft.oficioNumber,
  };
}

/**
 * The certificate that signed is (or becomes) one the agency registered, so /verificar can tell the
 * agency's signatures from anyone else's: the development seal is made on first use, never imported.
 */
async function registerSigningCertificate(
  tx: Database,
  signer: { role: 'seal' | 'director'; certDer: Uint8Array },
  now: Date,
): Promise<void> {
  const cert = readCertificate(signer.certDer);
  await tx
    .insert(signingCertificates)
    .values({
      role: signer.role,
      subject: cert.subject,
      serial: cert.serialNumber,
      sha256: sha256Hex(signer.certDer),
      der: Buffer.from(signer.certDer).toString('base64'),
      notBefore: new Date(cert.validFrom),
      notAfter: new Date(cert.validTo),
      active: true,
      createdAt: now,
    })
    .onConflictDoNothing({ target: signingCertificates.sha256 });
}
