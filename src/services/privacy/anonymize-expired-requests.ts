import { and, inArray, isNull, sql } from 'drizzle-orm';
import { requests } from '../../db/schema/index.ts';
import { SYSTEM } from '../../domain/actor.ts';
import type { Deps } from '../deps.ts';
import { anonymizeRequests, closedAtSql, TERMINAL_STATUSES } from './anonymize.ts';

const BATCH = 500;

/** The instant `years` calendar years before `now` (29 February → 28 February). */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== now.getUTCMonth()) d.setUTCDate(0);
  return d;
}

/**
 * Retention (LGPDPPSO): personal data of requests closed more than RETENTION_YEARS ago is anonymised,
 * keeping the statistics. Idempotent (anonymised rows are skipped) and audited per request by the
 * system. Works in batches so one run never holds a long transaction.
 */
export async function anonymizeExpiredRequests(deps: Deps): Promise<{ anonymized: number; before: Date }> {
  const now = deps.clock.now();
  const before = yearsBefore(now, deps.config.retentionYears);
  let anonymized = 0;
  for (;;) {
    const due = await deps.db
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          inArray(requests.status, [...TERMINAL_STATUSES]),
          isNull(requests.anonymizedAt),
          sql`${closedAtSql} < ${before.toISOString()}::timestamptz`,
        ),
      )
      .limit(BATCH);
    if (due.length === 0) break;
    const n = await deps.db.transaction((tx) =>
      anonymizeRequests(
        tx,
        due.map((r) => r.id),
        SYSTEM,
        { reason: 'retention' },
        now,
      ),
    );
    anonymized += n;
    if (n === 0 || due.length < BATCH) break;
  }
  if (anonymized > 0) deps.logger.info({ anonymized }, 'retention: personal data anonymised');
  return { anonymized, before };
}
