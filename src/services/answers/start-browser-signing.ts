import { pendingSignatures } from '../../db/schema/index.ts';
import { cadenaFor } from '../../documents/issue.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { directorCertificate, draftToJson, PENDING_SIGNATURE_MINUTES } from './browser-signing.ts';
import { numberedOficioDraft, preparedAnswer } from './compose.ts';
import { findRequestById } from './load.ts';

/**
 * Step 1 of the director's browser signature: fixes the oficio (número, verification code, date,
 * texts) and returns the cadena original the browser signs (the sello digital) with the director's
 * key, which never reaches the server.
 */
export async function startBrowserSigning(
  deps: Deps,
  input: { requestId: string },
  actor: Actor,
): Promise<{ pendingId: string; cadena: string; certificateSerial: string }> {
  if (actor.type !== 'staff') throw new ForbiddenError('request.sign');
  authorize(actor, 'request.sign');
  const req = await findRequestById(deps.db, input.requestId);
  transition(req.status, 'sign');
  const answer = await preparedAnswer(deps.db, req.id);
  const cert = await directorCertificate(deps.db, actor.id);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // The number is taken now because it is printed in the document that is about to be signed.
    const draft = await numberedOficioDraft(tx, deps, req, answer, {
      issuedAt: now,
      signatory: deps.config.agency.signatory,
    });
    const [row] = await tx
      .insert(pendingSignatures)
      .values({
        answerId: answer.id,
        staffId: actor.id,
        draft: draftToJson(draft),
        certificateSha256: cert.row.sha256,
        createdAt: now,
        expiresAt: new Date(now.getTime() + PENDING_SIGNATURE_MINUTES * 60_000),
      })
      .returning({ id: pendingSignatures.id });
    return {
      pendingId: row!.id,
      cadena: cadenaFor(draft, cert.certificate.serialNumber),
      certificateSerial: cert.certificate.serialNumber,
    };
  });
}
