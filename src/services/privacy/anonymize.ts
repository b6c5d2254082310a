import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../../db/audit.ts';
import type { Database } from '../../db/client.ts';
import { enqueueJob } from '../../db/outbox.ts';
import {
  outboxJobs,
  requestDrafts,
  requestEvents,
  requesterSessions,
  requesterSignInLinks,
  requests,
  satisfactionSurveys,
} from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { newToken, sha256Hex } from '../requests/tokens.ts';
import { addressHash, ERASE_MAIL } from './erase-stored-mail.ts';

/** The second pass of the stored-mail erasure, after the confirmation e-mail (queued with it) went out. */
const ERASE_MAIL_AGAIN_MS = 60 * 60_000;

export const TERMINAL_STATUSES = ['delivered', 'rejected', 'cancelled', 'expired'] as const;

/** When a request was closed: its closing time, else its delivery, else its last change. */
export const closedAtSql = sql`coalesce(${requests.closedAt}, ${requests.deliveredAt}, ${requests.updatedAt})`;

/** What replaces an e-mail address: not an address (no `@`), so nothing can be sent or signed in with it. */
export const ANONYMOUS_EMAIL_PREFIX = 'anonimo:';

export function isAnonymousEmail(email: string): boolean {
  return email === '' || email.startsWith(ANONYMOUS_EMAIL_PREFIX);
}

function pseudonym(): string {
  return `${ANONYMOUS_EMAIL_PREFIX}${newToken(12)}`;
}

export type AnonymizeReason = { reason: 'retention' } | { reason: 'arco'; arcoCode: string };

/**
 * Removes the personal data of these requests, keeping what the statistics need (sector, dates,
 * status, the structured question, the survey's answers): name, e-mail, organisation, phone, purpose,
 * the free text, timeline messages and survey comments go; the tracking link stops working. The
 * requester's sessions, sign-in links and sent e-mail jobs go too. Already anonymised rows are left
 * alone, so running it twice changes nothing. One audit entry per request. Call it in a transaction.
 */
export async function anonymizeRequests(
  tx: Database,
  requestIds: string[],
  actor: Actor,
  why: AnonymizeReason,
  now: Date,
): Promise<number> {
  if (requestIds.length === 0) return 0;
  const targets = await tx
    .select({ id: requests.id, folio: requests.folio, email: requests.requesterEmail })
    .from(requests)
    .where(and(inArray(requests.id, requestIds), isNull(requests.anonymizedAt)))
    .for('update');
  if (targets.length === 0) return 0;
  const ids = targets.map((r) => r.id);
  const emails = [...new Set(targets.map((r) => r.email))];
  for (const email of emails) {
    await tx
      .update(requests)
      .set({
        requesterName: '',
        // A random pseudonym per person, not an address: the results still count distinct requesters.
        requesterEmail: pseudonym(),
        requesterOrganization: null,
        requesterPhone: null,
        purpose: '',
        // Keep that something outside the catalog was asked, not what the person wrote.
        otherText: sql`case when ${requests.otherText} is null then null else '' end`,
        trackingTokenHash: sha256Hex(newToken(32)),
        anonymizedAt: now,
        updatedAt: now,
      })
      .where(and(inArray(requests.id, ids), eq(requests.requesterEmail, email)));
  }
  await tx.update(requestEvents).set({ message: null }).where(inArray(requestEvents.requestId, ids));
  await tx
    .update(satisfactionSurveys)
    .set({ comment: null })
    .where(inArray(satisfactionSurveys.requestId, ids));
  await tx.update(requestDrafts).set({ data: {} }).where(inArray(requestDrafts.requestId, ids));

  // Addresses with no other (not anonymised) request left lose their sessions, links and sent mail.
  const stillUsed = emails.length
    ? await tx
        .selectDistinct({ email: requests.requesterEmail })
        .from(requests)
        .where(and(inArray(requests.requesterEmail, emails), isNull(requests.anonymizedAt)))
    : [];
  const gone = emails.filter((e) => !isAnonymousEmail(e) && !stillUsed.some((s) => s.email === e));
  if (gone.length > 0) {
    // Their stored mail (.eml files, finished mail jobs) goes through the outbox: now, and once more
    // after the erasure's own confirmation e-mail was sent. Hashes only: the job outlives the address.
    const addressHashes = gone.map(addressHash);
    for (const [n, delayMs] of [0, ERASE_MAIL_AGAIN_MS].entries())
      await enqueueJob(tx, {
        kind: ERASE_MAIL,
        dedupeKey: `${ERASE_MAIL}:${newToken(12)}:${n}`,
        runAt: new Date(now.getTime() + delayMs),
        payload: { addressHashes },
      });
    await tx.delete(requesterSessions).where(inArray(requesterSessions.email, gone));
    await tx.delete(requesterSignInLinks).where(inArray(requesterSignInLinks.email, gone));
    await tx
      .delete(outboxJobs)
      .where(
        and(
          eq(outboxJobs.kind, 'mail.send'),
          inArray(outboxJobs.status, ['done', 'dead']),
          inArray(sql<string>`${outboxJobs.payload}->>'to'`, gone),
        ),
      );
  }
  for (const r of targets) {
    await appendAudit(tx, {
      actor,
      action: 'request.personal_data_anonymized',
      subject: r.folio,
      data: { ...why },
      at: now,
    });
  }
  return targets.length;
}
