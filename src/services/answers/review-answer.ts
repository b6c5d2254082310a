import type { AnswerFile } from '../../db/schema/index.ts';
import type { AnswerData } from '../../documents/data-model.ts';
import { previewOficio } from '../../documents/issue.ts';
import { pdfPagesToPng } from '../../documents/rasterize.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError, UnprocessableError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { loadRequest } from '../staff/transitions.ts';
import { directorCertificate } from './browser-signing.ts';
import { oficioDraftFor, preparedAnswer } from './compose.ts';

export type CertificateSummary = { subject: string; serial: string; validTo: Date };

export type AnswerReview = {
  folio: string;
  requestId: string;
  /** The unsigned draft of the oficio, marked as such on every page. */
  pdf: Uint8Array;
  /** Its pages as PNG; null when the server cannot rasterise (the PDF is then offered to download). */
  pages: Buffer[] | null;
  /** Data files and annexes that go with the oficio (not the oficio nor the ZIP, made at signing). */
  files: AnswerFile[];
  /** The institutional seal, when installed and current. */
  seal: CertificateSummary | null;
  /** The director's own e.firma certificate (its public part), when registered. */
  efirma: (CertificateSummary & { modulusHex: string }) | null;
};

function summary(c: { subject: string; serialNumber: string; validTo: string }): CertificateSummary {
  const cn = /CN=([^\n,]+)/.exec(c.subject)?.[1];
  return {
    subject: cn ?? c.subject.replace(/\n/g, ', '),
    serial: c.serialNumber,
    validTo: new Date(c.validTo),
  };
}

/** A certificate that is missing is not an error here: the page says what to ask the administrator. */
async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof UnprocessableError) return null;
    throw err;
  }
}

/**
 * What the director sees before signing: the oficio rendered from the prepared answer exactly as it
 * will read, but as an unsigned draft (no número de oficio is taken, no verification code registered),
 * the files that go with it, and which ways of signing are available to them now.
 */
export async function reviewAnswer(
  deps: Deps,
  actor: Actor,
  input: { folio: string; pages: boolean },
): Promise<AnswerReview> {
  if (actor.type !== 'staff') throw new ForbiddenError('request.sign');
  authorize(actor, 'request.sign');
  const req = await loadRequest(deps, input.folio);
  transition(req.status, 'sign');
  const answer = await preparedAnswer(deps.db, req.id);
  const now = deps.clock.now();
  const draft = oficioDraftFor(deps, req, answer.data as unknown as AnswerData, answer.files, {
    number: translate('es-MX', 'oficio.preview_number'),
    code: '',
    issuedAt: now,
    signatory: deps.config.agency.signatory,
  });
  const pdf = await previewOficio(draft);
  const [pages, seal, cert] = await Promise.all([
    input.pages ? pdfPagesToPng(pdf) : null,
    orNull(deps.signers.seal(now)),
    orNull(directorCertificate(deps.db, actor.id)),
  ]);
  const modulus = cert
    ? (cert.certificate.publicKey.export({ format: 'jwk' }) as { n: string }).n
    : undefined;
  return {
    folio: req.folio,
    requestId: req.id,
    pdf,
    pages,
    files: answer.files.filter((f) => f.kind !== 'oficio' && f.kind !== 'zip'),
    seal: seal ? summary(seal.certificate) : null,
    efirma:
      cert && modulus
        ? { ...summary(cert.certificate), modulusHex: Buffer.from(modulus, 'base64url').toString('hex') }
        : null,
  };
}
