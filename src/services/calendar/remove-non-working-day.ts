import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../db/audit.ts';
import { calendarNonWorkingDays } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';
import { slaMs } from './compute-due-at.ts';
import { loadCalendar } from './load-calendar.ts';
import { recomputeDueDates } from './recompute-due-dates.ts';

/** Removes a declared non-working day (e.g. entered by mistake); open deadlines are recounted. */
export async function removeNonWorkingDay(deps: Deps, actor: Actor, date: string) {
  authorize(actor, 'calendar.manage');
  if (!z.iso.date().safeParse(date).success) throw new NotFoundError('calendar_day');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(calendarNonWorkingDays)
      .where(eq(calendarNonWorkingDays.date, date))
      .returning();
    if (!row) throw new NotFoundError('calendar_day');
    const recomputed = await recomputeDueDates(tx, await loadCalendar(deps, tx), slaMs(deps));
    await appendAudit(tx, {
      actor,
      action: 'calendar.day_removed',
      subject: `calendar:${date}`,
      data: { description: row.description, gazetteReference: row.gazetteReference, recomputed },
      at: now,
    });
    return { recomputed };
  });
}
