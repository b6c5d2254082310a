import { and, eq } from 'drizzle-orm';
import { ConflictError } from '../domain/errors.ts';
import type { RequestStatus } from '../domain/request-lifecycle.ts';
import type { Database } from './client.ts';
import { requestEvents, requests } from './schema/index.ts';

export type RequestRow = typeof requests.$inferSelect;
export type NewRequestRow = typeof requests.$inferInsert;

export async function findRequestByFolio(db: Database, folio: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(requests).where(eq(requests.folio, folio)).limit(1);
  return row;
}

/**
 * Moves a request from `expected` to `next`, with other column changes. The WHERE on the current
 * status makes two clerks acting at once safe: the second one gets a ConflictError.
 */
export async function moveRequestStatus(
  tx: Database,
  id: string,
  expected: RequestStatus,
  next: RequestStatus,
  changes: Partial<Omit<NewRequestRow, 'id' | 'status'>> = {},
  now: Date = new Date(),
): Promise<RequestRow> {
  const [row] = await tx
    .update(requests)
    .set({ ...changes, status: next, updatedAt: now })
    .where(and(eq(requests.id, id), eq(requests.status, expected)))
    .returning();
  if (!row) throw new ConflictError('error.status_changed');
  return row;
}

export type TimelineEvent = {
  requestId: string;
  at: Date;
  actor: string;
  action: string;
  fromStatus?: RequestStatus | null;
  toStatus?: RequestStatus | null;
  visibleToRequester?: boolean;
  message?: string | null;
};

export async function addTimelineEvent(tx: Database, event: TimelineEvent): Promise<void> {
  await tx.insert(requestEvents).values(event);
}
