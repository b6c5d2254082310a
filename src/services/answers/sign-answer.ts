import type { RequestRow } from '../../db/requests.ts';
import { issueOficio } from '../../documents/issue.ts';
import type { AnswerSigner } from '../../documents/signer.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { type RequestStatus, transition } from '../../domain/request-lifecycle.ts';
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
  return sealPreparedAnswer(deps, {
    req,
    answer,
    signer,
    signatory: { name: agency.name, post: translate('es-MX', 'oficio.seal_post') },
    next,
    actor,
    now,
  });
}

/**
 * The seal's signing transaction, for the system (above) and for a director who signs with the seal:
 * número de oficio, PDF sealed and PAdES-signed, stored and recorded, request moved, audited.
 */
export function sealPreparedAnswer(
  deps: Deps,
  s: {
    req: RequestRow;
    answer: PreparedAnswer;
    signer: AnswerSigner;
    signatory: { name: string; post: string };
    /** A line under the signature, e.g. that a director signed with the institutional seal. */
    signatureNote?: string;
    next: RequestStatus;
    actor: Actor;
    now: Date;
  },
): Promise<SignedOficio> {
  return deps.db.transaction(async (tx) => {
    const numbered = await numberedOficioDraft(tx, deps, s.req, s.answer, {
      issuedAt: s.now,
      signatory: s.signatory,
    });
    const draft = s.signatureNote ? { ...numbered, signatureNote: s.signatureNote } : numbered;
    const issued = await issueOficio(draft, s.signer);
    return recordSignedOficio(tx, deps, {
      req: s.req,
      answer: s.answer,
      draft,
      pdf: issued.pdf,
      cadena: issued.cadena,
      sello: issued.sello,
      signer: sealSignerOf(s.signer),
      next: s.next,
      actor: s.actor,
      now: s.now,
    });
  });
}

type PreparedAnswer = Awaited<ReturnType<typeof preparedAnswer>>;
