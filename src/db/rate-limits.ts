import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { rateLimitCounters } from './schema/index.ts';

export type Counter = { count: number; resetAt: Date };

/**
 * Counts one hit in the rule's fixed window, atomically (one upsert: parallel hits from any process
 * each see their own count). A window that has ended starts again at 1; with `slide` every hit
 * restarts the window (hits in a row, forgotten after a quiet window).
 */
export async function bumpCounter(
  db: Database,
  c: { rule: string; keyHash: string; now: Date; windowMs: number; slide?: boolean | undefined },
): Promise<Counter> {
  const resetAt = new Date(c.now.getTime() + c.windowMs);
  const expired = sql`${rateLimitCounters.resetAt} <= ${c.now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ rule: c.rule, keyHash: c.keyHash, count: 1, resetAt })
    .onConflictDoUpdate({
      target: [rateLimitCounters.rule, rateLimitCounters.keyHash],
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimitCounters.count} + 1 end`,
        resetAt: c.slide
          ? resetAt
          : sql`case when ${expired} then ${resetAt.toISOString()}::timestamptz else ${rateLimitCounters.resetAt} end`,
      },
    })
    .returning({ count: rateLimitCounters.count, resetAt: rateLimitCounters.resetAt });
  return row!;
}

/** The counter as it stands (null when none or its window ended). */
export async function readCounter(
  db: Database,
  c: { rule: string; keyHash: string; now: Date },
): Promise<Counter | null> {
  const [row] = await db
    .select({ count: rateLimitCounters.count, resetAt: rateLimitCounters.resetAt })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.rule, c.rule), eq(rateLimitCounters.keyHash, c.keyHash)));
  return row && row.resetAt > c.now ? row : null;
}

export async function deleteCounter(db: Database, c: { rule: string; keyHash: string }): Promise<void> {
  await db
    .delete(rateLimitCounters)
    .where(and(eq(rateLimitCounters.rule, c.rule), eq(rateLimitCounters.keyHash, c.keyHash)));
}

/** Drops the counters whose window ended. */
export async function sweepCounters(db: Database, now: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.resetAt, now));
}
