import { eq } from 'drizzle-orm';
import { answers, pendingSignatures } from '../../db/schema/index.ts';
import { cadenaFor, completeOficio, signedAttributesFor } from '../../documents/issue.ts';
import { verifyPdfSignature } from '../../documents/verify.ts';
import type { Actor } from '../../domain/actor.ts';
import { ConflictError, ForbiddenError, UnprocessableError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { directorCertificate, draftFromJson, loadPending, signatureMatches } from './browser-signing.ts';
import { findRequestById } from './load.ts';
import { recordSignedOficio, type SignedOficio } from './record-signed.ts';

/**
 * Step 3: embeds the browser's signature over the signed attributes, checks it (registered
 * certificate, and the whole PAdES signature in Node) and, in one transaction, records the signed
 * oficio and moves the request `pending_approval` → `signed`.
 */
export async function completeBrowserSigning(
  deps: Deps,
  input: { pendingId: string; signature: string },
  actor: Actor,
): Promise<SignedOficio & { folio: string; requestId: string }> {
  if (actor.type !== 'staff') throw new ForbiddenError('request.sign');
  authorize(actor, 'request.sign');
  const now = deps.clock.now();
  const pending = await loadPending(deps.db, input.pendingId, actor.id, now);
  if (!pending.preparedSha256 || !pending.sello)
    throw new UnprocessableError('documents.error.signature_expired');
  const [answer] = await deps.db.select().from(answers).where(eq(answers.id, pending.answerId)).limit(1);
  if (answer?.status !== 'prepared') throw new ConflictError('documents.error.no_answer');
  const req = await findRequestById(deps.db, answer.requestId);
  const next = transition(req.status, 'sign');
  const cert = await directorCertificate(deps.db, actor.id);
  const prepared = await deps.documents.get(pending.preparedSha256);
  if (!prepared || cert.row.sha256 !== pending.certificateSha256)
    throw new UnprocessableError('documents.error.signature_expired');
  const signature = Buffer.from(input.signature, 'base64');
  const attrs = await signedAttributesFor(prepared, cert.der);
  if (!signatureMatches(cert.certificate, attrs, signature))
    throw new UnprocessableError('documents.error.signature_invalid');
  const pdf = await completeOficio(prepared, cert.der, [], signature);
  if (!verifyPdfSignature(pdf).valid) throw new UnprocessableError('documents.error.signature_invalid');
  const draft = draftFromJson(pending.draft);
  const signed = await deps.db.transaction(async (tx) => {
    const result = await recordSignedOficio(tx, deps, {
      req,
      answer,
      draft,
      pdf,
      cadena: cadenaFor(draft, cert.certificate.serialNumber),
      sello: pending.sello!,
      signer: { role: 'director', serial: cert.certificate.serialNumber, certDer: cert.der, test: cert.test },
      next,
      actor,
      now,
    });
    await tx.delete(pendingSignatures).where(eq(pendingSignatures.id, pending.id));
    return result;
  });
  return { ...signed, folio: req.folio, requestId: req.id };
}
