import type { Database } from '../../db/client.ts';
import { addWorkingTime } from '../../domain/working-calendar.ts';
import { loadCalendar } from '../calendar/load-calendar.ts';
import type { Deps } from '../deps.ts';

/** LGPDPPSO art. 51: an ARCO request is answered within 20 working days of its receipt. */
export const ARCO_WORKING_DAYS = 20;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** The ARCO deadline: 20 working days (of office hours, on the agency's calendar) after receipt. */
export async function arcoDueAt(
  deps: Pick<Deps, 'config' | 'db' | 'clock'>,
  receivedAt: Date,
  db?: Database,
): Promise<Date> {
  const calendar = await loadCalendar(deps, db);
  const hours = deps.config.agency.officeHours;
  const dayMs = (minutes(hours.end) - minutes(hours.start)) * 60_000;
  return addWorkingTime(receivedAt, ARCO_WORKING_DAYS * dayMs, calendar);
}
