import type { Database } from '../../db/client.ts';
import { addWorkingTime, HOUR_MS } from '../../domain/working-calendar.ts';
import type { Deps } from '../deps.ts';
import { loadCalendar } from './load-calendar.ts';

/** The working time a request is given (agency config `slaWorkingHours`, 72 by default), in ms. */
export function slaMs(deps: Pick<Deps, 'config'>): number {
  return deps.config.agency.slaWorkingHours * HOUR_MS;
}

/** When a request received at `receivedAt` is due: `slaWorkingHours` working hours later. */
export async function computeDueAt(
  deps: Pick<Deps, 'config' | 'db' | 'clock'>,
  receivedAt: Date,
  db?: Database,
): Promise<Date> {
  const calendar = await loadCalendar(deps, db);
  return addWorkingTime(receivedAt, slaMs(deps), calendar);
}
