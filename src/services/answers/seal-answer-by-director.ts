import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { authorize, can } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { loadRequest } from '../staff/transitions.ts';
import { preparedAnswer } from './compose.ts';
import { deliverAnswer } from './deliver-answer.ts';
import type { SignedOficio } from './record-signed.ts';
import { sealPreparedAnswer } from './sign-answer.ts';

/**
 * The director approves a prepared answer and signs it with the institutional seal held by the server
 * (`pending_approval` → `signed`), for directors without their own e.firma or who prefer it. The oficio
 * names the agency's signatory and says it carries the seal. Then, as for an automatic answer, it is
 * delivered (`signed` → `delivered`, the e-mail queued) when the director may deliver.
 */
export async function sealAnswerByDirector(
  deps: Deps,
  actor: Actor,
  input: { folio: string },
): Promise<SignedOficio & { folio: string; delivered: boolean }> {
  if (actor.type !== 'staff') throw new ForbiddenError('request.sign');
  authorize(actor, 'request.sign');
  const req = await loadRequest(deps, input.folio);
  const next = transition(req.status, 'sign');
  const answer = await preparedAnswer(deps.db, req.id);
  const now = deps.clock.now();
  // Load the seal first: a wrong password or an expired certificate stops here, nothing changed.
  const signer = await deps.signers.seal(now);
  const { agency } = deps.config;
  const signed = await sealPreparedAnswer(deps, {
    req,
    answer,
    signer,
    signatory: agency.signatory,
    signatureNote: translate('es-MX', 'oficio.signed_with_seal', { agency: agency.shortName }),
    next,
    actor,
    now,
  });
  // Without the deliver permission the answer stays signed for ventanilla to send.
  const delivered = can(actor, 'request.deliver');
  if (delivered) await deliverAnswer(deps, { requestId: req.id }, actor);
  return { ...signed, folio: req.folio, delivered };
}
