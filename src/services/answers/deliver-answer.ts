import { eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { addTimelineEvent, moveRequestStatus } from '../../db/requests.ts';
import { answers, oficios } from '../../db/schema/index.ts';
import { DOWNLOAD_LINK_DAYS, downloadPath } from '../../documents/links.ts';
import { type Actor, actorLabel } from '../../domain/actor.ts';
import { ConflictError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import { transition } from '../../domain/request-lifecycle.ts';
import type { Deps } from '../deps.ts';
import { queueMail } from '../mail/send-queued-mail.ts';
import { requesterRequestUrl } from '../requests/request-link.ts';
import { currentAnswer } from './compose.ts';
import { downloadAllLabel, fileLabel, type ListingData, omittedStatements } from './file-listing.ts';
import { findRequestById } from './load.ts';

/**
 * Delivers a signed answer (`signed` → `delivered`): the requester's e-mail with the oficio attached
 * and signed, expiring download links for every file is queued in the same transaction.
 */
export async function deliverAnswer(deps: Deps, input: { requestId: string }, actor: Actor): Promise<void> {
  if (actor.type !== 'system') authorize(actor, 'request.deliver');
  const req = await findRequestById(deps.db, input.requestId);
  const next = transition(req.status, 'deliver');
  const answer = await currentAnswer(deps.db, req.id);
  if (answer?.status !== 'signed' || !answer.oficioId) throw new ConflictError('documents.error.no_answer');
  const [oficio] = await deps.db.select().from(oficios).where(eq(oficios.id, answer.oficioId)).limit(1);
  if (!oficio) throw new ConflictError('documents.error.no_answer');
  const now = deps.clock.now();
  const expires = new Date(now.getTime() + DOWNLOAD_LINK_DAYS * 24 * 3600_000);
  const base = deps.config.publicBaseUrl;
  const link = (f: { sha256: string; name: string }) =>
    `${base}${downloadPath(deps.secret, f.sha256, f.name, expires)}`;
  const listing = answer.data as ListingData;
  const zip = answer.files.find((f) => f.kind === 'zip');
  await deps.db.transaction(async (tx) => {
    await moveRequestStatus(tx, req.id, req.status, next, { deliveredAt: now }, now);
    await tx.update(answers).set({ status: 'delivered' }).where(eq(answers.id, answer.id));
    await addTimelineEvent(tx, {
      requestId: req.id,
      at: now,
      actor: actorLabel(actor),
      action: 'delivered',
      fromStatus: req.status,
      toStatus: next,
    });
    await appendAudit(tx, {
      actor,
      action: 'request.delivered',
      subject: req.folio,
      data: { oficio: oficio.number, files: answer.files.length },
      at: now,
    });
    await queueMail(tx, deps, {
      template: 'request.delivered',
      to: req.requesterEmail,
      // The language the request was made in, like every e-mail to the requester.
      locale: req.requesterLocale,
      data: {
        folio: req.folio,
        // The button opens this request (single-use sign-in link), valid as long as the file links.
        trackingUrl: await requesterRequestUrl(tx, deps, req, now, expires),
        trackingExpiresAt: expires.toISOString(),
        verificationUrl: `${base}/verificar/${oficio.verificationCode}`,
        // Each file in words with its format and size; the ZIP apart, as "Descargar todo".
        documents: answer.files
          .filter((f) => f.kind !== 'zip')
          .map((f) => ({ name: f.name, label: fileLabel(f, listing, req.requesterLocale), url: link(f) })),
        ...(zip ? { bundle: { label: downloadAllLabel(zip, req.requesterLocale), url: link(zip) } } : {}),
        linksExpireAt: expires.toISOString(),
        omitted: omittedStatements(
          listing,
          req.formats,
          answer.files.map((f) => f.kind),
          req.requesterLocale,
        ),
        attachDocumentIds: [oficio.sha256],
      },
      dedupeKey: `mail:request.delivered:${req.folio}`,
    });
  });
}
