import { count, desc, eq } from 'drizzle-orm';
import type { OutboxStatus } from '../../db/schema/index.ts';
import { outboxJobs } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

export type DeadJobView = {
  id: number;
  kind: string;
  /** The template of a mail job, the folio or request id of others: never the payload's personal data. */
  subject: string | null;
  attempts: number;
  createdAt: Date;
  lastError: string | null;
};

function subjectOf(kind: string, payload: Record<string, unknown>): string | null {
  if (kind === 'mail.send') {
    const data = payload.data as Record<string, unknown> | undefined;
    return [payload.template, data?.folio].filter((x) => typeof x === 'string').join(' · ') || null;
  }
  const v = payload.folio ?? payload.requestId ?? payload.name;
  return typeof v === 'string' ? v : null;
}

/** The dead-letter list for the admin page, with the queue's counts by status. */
export async function listDeadJobs(deps: Deps, actor: Actor, input: { limit?: number } = {}) {
  const limit = input.limit ?? 200;
  authorize(actor, 'outbox.retry');
  const rows = await deps.db
    .select()
    .from(outboxJobs)
    .where(eq(outboxJobs.status, 'dead'))
    .orderBy(desc(outboxJobs.id))
    .limit(limit);
  const counts = await deps.db
    .select({ status: outboxJobs.status, n: count() })
    .from(outboxJobs)
    .groupBy(outboxJobs.status);
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<
    Record<OutboxStatus, number>
  >;
  const jobs: DeadJobView[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subject: subjectOf(r.kind, r.payload),
    attempts: r.attempts,
    createdAt: r.createdAt,
    lastError: r.lastError,
  }));
  return {
    jobs,
    counts: { pending: byStatus.pending ?? 0, running: byStatus.running ?? 0, dead: byStatus.dead ?? 0 },
  };
}
