import { issueOficio } from '../../documents/issue.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { numberedOficioDraft, preparedAnswer } from './compose.ts';
import { findRequestById } from './load.ts';
import { recordSignedOficio, type SignedOficio, sealSignerOf } from './record-signed.ts';

/**
 * Signs a prepared answer with the institutional seal (e.sello) held by the server: automatic
 * answers (`received` → `signed`) and approved ones the system seals (`pending_approval` → `signed`).
 * Staff sign with their own e.firma in the browser instead (see start/complete-browser-signing).
 * Everything happens in one transaction: número de oficio, PDF, store, oficio record, status, audit.
 */
export async function signAnswer(
  deps: Deps,
  input: { requestId: string },
  actor: Actor,
): Promise<SignedOficio> {
  if (actor.type !== 'system') throw new ForbiddenError('request.sign');
  const req = await findRequestById(deps.db, input.requestId);
  const next = transition(req.status, req.status === 'received' ? 'auto_sign' : 'sign');
  const answer = await preparedAnswer(deps.db, req.id);
  const now = deps.clock.now();
  // Load the seal first: a wrong password or an expired certificate stops here, nothing changed.
  const signer = await deps.signers.seal(now);
  const { agency } = deps.config;
  return deps.db.transaction(async (tx) => {
    const draft = await numberedOficioDraft(tx, deps, req, answer, {
      issuedAt: now,
      signatory: { name: agency.name, post: translate('es-MX', 'oficio.seal_post') },
    });
    const issued = await issueOficio(draft, signer);
    return recordSignedOficio(tx, deps, {
      req,
      answer,
      draft,
      pdf: issued.pdf,
      cadena: issued.cadena,
      sello: issued.sello,
      signer: sealSignerOf(signer),
      next,
      actor,
      now,
    });
  });
}
