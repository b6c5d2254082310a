import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import { enqueueJob } from '../../db/outbox.ts';
import { arcoRequests, requests } from '../../db/schema/index.ts';
import { newVerificationCode } from '../../documents/codes.ts';
import type { Actor } from '../../domain/actor.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { normalizeEmail } from '../requests/request-input.ts';
import { arcoDueAt } from './arco-deadline.ts';

export type ArcoRequestRow = typeof arcoRequests.$inferSelect;

/**
 * ARCO cancelación: the signed-in requester asks for their personal data to be deleted. Staff act on
 * it within its own deadline (deleting = anonymising, keeping the statistics). Asking again while one
 * is pending returns that one.
 */
export async function requestErasure(
  deps: Deps,
  actor: Actor,
  locale: Locale = 'es-MX',
): Promise<{ arco: ArcoRequestRow; created: boolean }> {
  if (actor.type !== 'requester') throw new ForbiddenError('requester.erasure');
  const email = normalizeEmail(actor.email);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Serialise requests of the same person: lock their requests' rows.
    const [known] = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(eq(requests.requesterEmail, email))
      .limit(1)
      .for('update');
    if (!known) throw new ForbiddenError('requester.erasure');
    const [pending] = await tx
      .select()
      .from(arcoRequests)
      .where(and(eq(arcoRequests.email, email), eq(arcoRequests.status, 'pending')))
      .limit(1);
    if (pending) return { arco: pending, created: false };
    const [arco] = await tx
      .insert(arcoRequests)
      .values({
        code: newVerificationCode(),
        kind: 'cancellation',
        email,
        receivedAt: now,
        dueAt: await arcoDueAt(deps, now, tx),
      })
      .returning();
    await appendAudit(tx, {
      actor,
      action: 'arco.requested',
      subject: arco!.code,
      data: { kind: 'cancellation' },
      at: now,
    });
    await enqueueJob(tx, {
      kind: 'mail.send',
      dedupeKey: `mail:privacy.arco_received:${arco!.code}`,
      runAt: now,
      payload: {
        template: 'privacy.arco_received',
        to: email,
        locale,
        data: { code: arco!.code, dueAt: arco!.dueAt.toISOString() },
      },
    });
    return { arco: arco!, created: true };
  });
}
