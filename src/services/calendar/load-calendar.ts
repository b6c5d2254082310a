import { gte } from 'drizzle-orm';
import { agencyNonWorkingDates } from '../../config/agency.ts';
import type { Database } from '../../db/client.ts';
import { calendarNonWorkingDays } from '../../db/schema/index.ts';
import { createCalendar, type WorkingCalendar } from '../../domain/working-calendar.ts';
import type { Deps } from '../deps.ts';

/**
 * The office's working calendar: hours, zone and the agency's own non-working days from the agency
 * config, plus the days the admin declared. Days from two years back (to two years ahead, for the
 * config's yearly days) are enough for any open request.
 */
export async function loadCalendar(deps: Pick<Deps, 'config' | 'db' | 'clock'>, db: Database = deps.db) {
  const fromYear = deps.clock.now().getUTCFullYear() - 2;
  const rows = await db
    .select({ date: calendarNonWorkingDays.date })
    .from(calendarNonWorkingDays)
    .where(gte(calendarNonWorkingDays.year, fromYear));
  const agency = deps.config.agency;
  const years = [0, 1, 2, 3, 4].map((i) => fromYear + i);
  return createCalendar({
    timeZone: agency.timezone,
    officeHours: agency.officeHours,
    nonWorkingDays: [...rows.map((r) => r.date), ...agencyNonWorkingDates(agency, years)],
  }) satisfies WorkingCalendar;
}
