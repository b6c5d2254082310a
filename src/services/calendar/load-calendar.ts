import { gte } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { calendarNonWorkingDays } from '../../db/schema/index.ts';
import { createCalendar, type WorkingCalendar } from '../../domain/working-calendar.ts';
import type { Deps } from '../deps.ts';

/**
 * The office's working calendar: hours and zone from the agency config, plus the non-working days
 * the admin declared. Days from two years back on are enough for any open request.
 */
export async function loadCalendar(deps: Pick<Deps, 'config' | 'db' | 'clock'>, db: Database = deps.db) {
  const fromYear = deps.clock.now().getUTCFullYear() - 2;
  const rows = await db
    .select({ date: calendarNonWorkingDays.date })
    .from(calendarNonWorkingDays)
    .where(gte(calendarNonWorkingDays.year, fromYear));
  const agency = deps.config.agency;
  return createCalendar({
    timeZone: agency.timezone,
    officeHours: agency.officeHours,
    nonWorkingDays: rows.map((r) => r.date),
  }) satisfies WorkingCalendar;
}
