import { eq } from 'drizzle-orm';
import { pendingSignatures } from '../../db/schema/index.ts';
import { cadenaFor, prepareOficio, signedAttributesFor } from '../../documents/issue.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError, UnprocessableError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { directorCertificate, draftFromJson, loadPending, signatureMatches } from './browser-signing.ts';

/**
 * Step 2: receives the sello digital made in the browser, checks it against the director's registered
 * certificate, renders the oficio with it (saved once, with the signature placeholder) and returns the
 * CMS signed attributes the browser must sign.
 */
export async function sealBrowserSigning(
  deps: Deps,
  input: { pendingId: string; sello: string },
  actor: Actor,
): Promise<{ signedAttributes: string }> {
  if (actor.type !== 'staff') throw new ForbiddenError('request.sign');
  authorize(actor, 'request.sign');
  const now = deps.clock.now();
  const pending = await loadPending(deps.db, input.pendingId, actor.id, now);
  const cert = await directorCertificate(deps.db, actor.id);
  if (cert.row.sha256 !== pending.certificateSha256)
    throw new UnprocessableError('documents.error.signature_invalid');
  const draft = draftFromJson(pending.draft);
  const cadena = cadenaFor(draft, cert.certificate.serialNumber);
  const sello = Buffer.from(input.sello, 'base64');
  if (!signatureMatches(cert.certificate, Buffer.from(cadena, 'utf8'), sello)) {
    throw new UnprocessableError('documents.error.signature_invalid');
  }
  const prepared = await prepareOficio(
    draft,
    { certificate: cert.certificate, test: cert.test },
    sello.toString('base64'),
  );
  const attrs = await signedAttributesFor(prepared, cert.der);
  await deps.db.transaction(async (tx) => {
    const stored = await deps.documents.put(tx, prepared, 'application/pdf');
    await tx
      .update(pendingSignatures)
      .set({ sello: sello.toString('base64'), preparedSha256: stored.sha256 })
      .where(eq(pendingSignatures.id, pending.id));
  });
  return { signedAttributes: Buffer.from(attrs).toString('base64') };
}
