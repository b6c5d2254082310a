import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyNonWorkingDates } from '../../../src/config/agency.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { addWorkingTime, createCalendar, HOUR_MS } from '../../../src/domain/working-calendar.ts';
import { computeDueAt } from '../../../src/services/calendar/compute-due-at.ts';
import { loadCalendar } from '../../../src/services/calendar/load-calendar.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

// Each place that used to ignore the agency file, seen with the second agency's config.
const EXAMPLE = 'config/agency.example-coespo-sonora.json';

describe.each(testEngines())('agency config reaches every corner on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  const config = testConfig({ AGENCY_CONFIG: EXAMPLE });
  const agency = config.agency;
  // Monday 4 May 2026, 08:00 in Hermosillo (UTC−7); 5 May is one of the agency's own holidays.
  const clock = fixedClock('2026-05-04T15:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ deps } = testApp(handle, { config, clock }));
  });
  afterAll(() => handle.close());

  it('the working calendar holds the agency own non-working days, and due dates skip them', async () => {
    const calendar = await loadCalendar(deps);
    const own = agencyNonWorkingDates(agency, [2026]);
    expect(own.length).toBeGreaterThan(0);
    for (const day of own) expect(calendar.nonWorkingDays.has(day)).toBe(true);
    expect(calendar.nonWorkingDays.has('2026-05-05')).toBe(true);

    const received = clock.now();
    const due = await computeDueAt(deps, received);
    const withoutOwnDays = createCalendar({
      timeZone: calendar.timeZone,
      officeHours: calendar.officeHours,
      nonWorkingDays: [...calendar.nonWorkingDays].filter((d) => !own.includes(d)),
    });
    const dueIgnoringThem = addWorkingTime(received, agency.slaWorkingHours * HOUR_MS, withoutOwnDays);
    // One whole day later: the agency's holiday on Tuesday 5 May is not counted.
    expect(due.getTime() - dueIgnoringThem.getTime()).toBe(24 * HOUR_MS);
  });

  it('the default agency (no own days) does not get Sonora holidays', async () => {
    const calendar = await loadCalendar({ ...deps, config: testConfig() });
    expect(calendar.nonWorkingDays.has('2026-05-05')).toBe(false);
  });
});
