import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { type AnswerFile, answers } from '../../db/schema/index.ts';
import { newVerificationCode } from '../../documents/codes.ts';
import { issueOficio } from '../../documents/issue.ts';
import { DOWNLOAD_LINK_DAYS, downloadPath } from '../../documents/links.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { REJECTION_REASONS } from '../../domain/rejection-reasons.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import { translate } from '../../i18n/index.ts';
import { nextOficioNumber } from '../answers/compose.ts';
import { agencyYear, registerSignedPdf, sealSignerOf } from '../answers/record-signed.ts';
import { rejectionOficioDraft } from '../answers/rejection-oficio.ts';
import type { Deps } from '../deps.ts';
import { requesterRequestUrl, requestLinkExpiry } from '../requests/request-link.ts';
import { parseStaffInput } from './input.ts';
import { commitTransition, loadRequest } from './transitions.ts';

const schema = z.object({
  folio: z.string().min(1),
  reason: z.enum(REJECTION_REASONS, 'staff.err.reason'),
  text: z.string().trim().min(10, 'staff.err.reason_text').max(4000, 'staff.err.too_long'),
});

/**
 * Declares the request not admissible, on a legal ground from the list plus an explanation. The
 * decision is itself an oficio, signed with the institutional seal and delivered like an answer:
 * registered for /verificar, attached to the requester's e-mail with download links, and listed in
 * their portal. It states the requester's right to a recurso de revisión (agency config).
 */
export async function rejectRequest(deps: Deps, actor: Actor, raw: unknown) {
  authorize(actor, 'request.reject');
  const input = parseStaffInput(schema, raw);
  const req = await loadRequest(deps, input.folio);
  transition(req.status, 'reject');
  const now = deps.clock.now();
  const { agency } = deps.config;
  const ground = translate('es-MX', `staff.reject_reason.${input.reason}`, { agency: agency.shortName });
  const reason = `${ground}. ${input.text}`;
  // Load the seal first: a missing or expired seal stops here, nothing changed.
  const signer = await deps.signers.seal(now);
  return deps.db.transaction(async (tx) => {
    const draft = rejectionOficioDraft(deps, req, {
      number: await nextOficioNumber(tx, agency.code, agencyYear(deps, now)),
      code: newVerificationCode(),
      issuedAt: now,
      reason: ground,
      text: input.text,
      signatureNote: translate('es-MX', 'oficio.signed_with_seal', { agency: agency.shortName }),
    });
    const issued = await issueOficio(draft, signer);
    const oficio = await registerSignedPdf(tx, deps, {
      req,
      draft,
      pdf: issued.pdf,
      cadena: issued.cadena,
      sello: issued.sello,
      signer: sealSignerOf(signer),
      now,
    });
    const file: AnswerFile = {
      name: `oficio-${req.folio}.pdf`,
      kind: 'oficio',
      sha256: oficio.stored.sha256,
      mediaType: 'application/pdf',
      size: oficio.stored.size,
    };
    // The rejection is the request's answer now: a prepared one it replaces is superseded.
    await tx
      .update(answers)
      .set({ status: 'superseded' })
      .where(and(eq(answers.requestId, req.id), eq(answers.status, 'prepared')));
    await tx.insert(answers).values({
      requestId: req.id,
      status: 'delivered',
      data: { rejection: { reason: input.reason } },
      files: [file],
      oficioId: oficio.id,
      preparedBy: actorLabel(actor),
      createdAt: now,
    });
    const expires = new Date(now.getTime() + DOWNLOAD_LINK_DAYS * 24 * 3600_000);
    const base = deps.config.publicBaseUrl;
    return commitTransition(tx, deps, actor, req, 'reject', {
      now,
      changes: { closedAt: now, pausedAt: null },
      message: reason,
      auditData: { reason: input.reason, oficio: draft.oficioNumber, sha256: oficio.stored.sha256 },
      mail: {
        template: 'request.rejected',
        data: {
          reason,
          trackingUrl: await requesterRequestUrl(tx, deps, req, now),
          trackingExpiresAt: requestLinkExpiry(now).toISOString(),
          verificationUrl: `${base}/verificar/${draft.verificationCode}`,
          documents: [
            { name: file.name, url: `${base}${downloadPath(deps.secret, file.sha256, file.name, expires)}` },
          ],
          attachDocumentIds: [file.sha256],
        },
      },
    });
  });
}
