import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { enqueueJob } from '../../db/outbox.ts';
import { arcoRequests, requests } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { actorLabel } from '../../domain/actor.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Translate } from '../../i18n/index.ts';
import type { Deps } from '../deps.ts';
import { anonymizeRequests, TERMINAL_STATUSES } from './anonymize.ts';
import { ARCO_PERMISSION } from './list-arco-requests.ts';

export const ARCO_NOTE_MAX = 2000;

export function resolveArcoSchema(t: Translate) {
  return z
    .object({
      decision: z.enum(['complete', 'reject'], { message: t('privacy.err.decision_required') }),
      note: z
        .string()
        .trim()
        .max(ARCO_NOTE_MAX, { message: t('privacy.err.note_too_long', { max: ARCO_NOTE_MAX }) })
        .optional()
        .transform((v) => v || null),
    })
    .superRefine((v, ctx) => {
      // A refusal must say why (LGPDPPSO art. 55 lists the grounds).
      if (v.decision === 'reject' && !v.note)
        ctx.addIssue({ code: 'custom', path: ['note'], message: t('privacy.err.reason_required') });
    });
}

/**
 * Staff answer an ARCO cancelación. Completing anonymises every request of that person (they must all
 * be closed first: an open request still needs the address to be answered); rejecting records why.
 * Either way the requester is e-mailed the outcome and the address is removed from the ARCO request. `pending` → `completed`/`rejected` with a
 * guarded UPDATE, so two clerks cannot both act on it.
 */
export async function resolveArcoRequest(
  deps: Deps,
  actor: Actor,
  input: { code: string; body: unknown; t: Translate },
): Promise<{ status: 'completed' | 'rejected'; anonymized: number }> {
  authorize(actor, ARCO_PERMISSION);
  const parsed = resolveArcoSchema(input.t).safeParse(input.body);
  if (!parsed.success)
    throw new InvalidInputError(
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })),
    );
  const { decision, note } = parsed.data;
  const [arco] = await deps.db.select().from(arcoRequests).where(eq(arcoRequests.code, input.code)).limit(1);
  if (!arco) throw new NotFoundError('arco_request');
  if (arco.status !== 'pending') throw new ConflictError('privacy.err.already_resolved', { code: arco.code });
  const now = deps.clock.now();
  const status = decision === 'complete' ? 'completed' : 'rejected';

  return deps.db.transaction(async (tx) => {
    let anonymized = 0;
    if (decision === 'complete' && arco.email) {
      const theirs = await tx
        .select({ id: requests.id, status: requests.status })
        .from(requests)
        .where(and(eq(requests.requesterEmail, arco.email), isNull(requests.anonymizedAt)))
        .for('update');
      const open = theirs.filter((r) => !(TERMINAL_STATUSES as readonly string[]).includes(r.status));
      if (open.length > 0) throw new ConflictError('privacy.err.open_requests', { count: open.length });
      anonymized = await anonymizeRequests(
        tx,
        theirs.map((r) => r.id),
        actor,
        { reason: 'arco', arcoCode: arco.code },
        now,
      );
    }
    const moved = await tx
      .update(arcoRequests)
      .set({
        status,
        email: null,
        resolvedAt: now,
        resolvedBy: actorLabel(actor),
        note,
        requestsAnonymized: decision === 'complete' ? anonymized : null,
      })
      .where(and(eq(arcoRequests.id, arco.id), eq(arcoRequests.status, 'pending')))
      .returning({ id: arcoRequests.id });
    if (moved.length === 0) throw new ConflictError('privacy.err.already_resolved', { code: arco.code });
    await appendAudit(tx, {
      actor,
      action: `arco.${status}`,
      subject: arco.code,
      data: { anonymized, onTime: now <= arco.dueAt },
      at: now,
    });
    // The address is erased from the row above; this e-mail is the last use of it.
    if (arco.email)
      await enqueueJob(tx, {
        kind: 'mail.send',
        dedupeKey: `mail:privacy.arco_resolved:${arco.code}`,
        runAt: now,
        payload: {
          template: 'privacy.arco_resolved',
          to: arco.email,
          locale: 'es-MX',
          data: {
            code: arco.code,
            outcome: status === 'completed' ? 'granted' : 'refused',
            ...(status === 'rejected' ? { reason: note } : {}),
          },
        },
      });
    return { status, anonymized };
  });
}
