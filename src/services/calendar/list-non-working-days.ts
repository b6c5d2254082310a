import { asc, eq } from 'drizzle-orm';
import { calendarNonWorkingDays } from '../../db/schema/index.ts';
import type { Actor } from '../../domain/actor.ts';
import { federalHolidays } from '../../domain/mexican-holidays.ts';
import { authorize } from '../../domain/permissions.ts';
import type { Deps } from '../deps.ts';

/** A year's calendar as the admin sees it: the federal holidays and the declared days with their Gaceta. */
export async function listNonWorkingDays(deps: Deps, actor: Actor, year: number) {
  authorize(actor, 'calendar.manage');
  const declared = await deps.db
    .select()
    .from(calendarNonWorkingDays)
    .where(eq(calendarNonWorkingDays.year, year))
    .orderBy(asc(calendarNonWorkingDays.date));
  return { year, federal: federalHolidays(year), declared };
}
