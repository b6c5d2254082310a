import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { federalHolidays, isExecutiveTransferYear } from '../../../src/domain/mexican-holidays.ts';
import {
  addWorkingTime,
  createCalendar,
  deadlineAfterPause,
  HOUR_MS,
  isWorkingDay,
  nextWorkingInstant,
  slaState,
  workingTimeBetween,
} from '../../../src/domain/working-calendar.ts';

const cal = createCalendar({});
// Mexico City has had no daylight saving time since 30 October 2022: UTC-6 all year.
const mx = (local: string) => new Date(`${local}-06:00`);

describe('federal holidays (LFT art. 74)', () => {
  it('computes the movable Mondays', () => {
    const dates = federalHolidays(2027).map((h) => h.date);
    // 2027: 1 Feb is a Monday; 15 Mar third Monday; 15 Nov third Monday.
    expect(dates).toEqual([
      '2027-01-01',
      '2027-02-01',
      '2027-03-15',
      '2027-05-01',
      '2027-09-16',
      '2027-11-15',
      '2027-12-25',
    ]);
  });

  it('adds 1 October only in the years the federal Executive changes hands', () => {
    expect(federalHolidays(2024).map((h) => h.date)).toContain('2024-10-01');
    expect(federalHolidays(2030).map((h) => h.date)).toContain('2030-10-01');
    expect(federalHolidays(2026).map((h) => h.date)).not.toContain('2026-10-01');
    expect([2018, 2024, 2025, 2030, 2036].map(isExecutiveTransferYear)).toEqual([
      false,
      true,
      false,
      true,
      true,
    ]);
  });

  it('each movable holiday is a Monday in its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        for (const h of federalHolidays(year)) {
          if (['constitution', 'juarez', 'revolution'].includes(h.key)) {
            expect(new Date(`${h.date}T12:00:00Z`).getUTCDay()).toBe(1);
          }
        }
      }),
    );
  });
});

describe('working calendar', () => {
  it('weekends, holidays and declared days do not work', () => {
    const withGaceta = createCalendar({ nonWorkingDays: ['2026-12-12'] });
    expect(isWorkingDay('2026-11-23', cal)).toBe(true);
    expect(isWorkingDay('2026-11-21', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-16', cal)).toBe(false); // third Monday of November
    expect(isWorkingDay('2026-12-11', withGaceta)).toBe(true);
    expect(isWorkingDay('2026-12-14', withGaceta)).toBe(true);
    expect(isWorkingDay('2026-12-12', withGaceta)).toBe(false);
  });

  it('a request received Friday 17:00 before a Monday holiday: 72 h count from Tuesday', () => {
    // Friday 13 Nov 2026 17:00; Monday 16 Nov is the Revolution holiday. 1 h on Friday, nothing on
    // Monday, then 9 h a day: Tue 17–Fri 20 (37 h), Mon 23–Wed 25 (64 h), Thursday 26 8 h → 17:00.
    const received = mx('2026-11-13T17:00:00');
    const due = addWorkingTime(received, 72 * HOUR_MS, cal);
    expect(due.toISOString()).toBe(mx('2026-11-26T17:00:00').toISOString());
    expect(workingTimeBetween(received, due, cal)).toBe(72 * HOUR_MS);
    expect(workingTimeBetween(received, mx('2026-11-17T09:00:00'), cal)).toBe(HOUR_MS);
    // The same Friday a week later, with a working Monday, is due a working day sooner in its week.
    const ordinary = addWorkingTime(mx('2026-11-20T17:00:00'), 72 * HOUR_MS, cal);
    expect(ordinary.toISOString()).toBe(mx('2026-12-02T17:00:00').toISOString());
  });

  it('a request received during a declared vacation period starts counting when the office reopens', () => {
    const vacation = Array.from({ length: 11 }, (_, i) => `2026-12-${String(21 + i).padStart(2, '0')}`);
    const c = createCalendar({ nonWorkingDays: vacation });
    const received = mx('2026-12-23T11:00:00');
    const due = addWorkingTime(received, 72 * HOUR_MS, c);
    // Reopens Monday 4 Jan 2027 (1 Jan is a holiday): 8 days of 9 h end Wednesday 13 Jan at 18:00.
    expect(nextWorkingInstant(received, c).toISOString()).toBe(mx('2027-01-04T09:00:00').toISOString());
    expect(due.toISOString()).toBe(mx('2027-01-13T18:00:00').toISOString());
  });

  it('time outside office hours does not count', () => {
    expect(workingTimeBetween(mx('2026-11-23T18:00:00'), mx('2026-11-24T09:00:00'), cal)).toBe(0);
    expect(workingTimeBetween(mx('2026-11-23T08:00:00'), mx('2026-11-23T19:00:00'), cal)).toBe(9 * HOUR_MS);
    expect(nextWorkingInstant(mx('2026-11-21T10:00:00'), cal).toISOString()).toBe(
      mx('2026-11-23T09:00:00').toISOString(),
    );
  });

  it('a request received at night starts counting at 09:00 and a prevención extends it', () => {
    const received = mx('2026-11-24T22:00:00');
    const due = addWorkingTime(received, 72 * HOUR_MS, cal);
    expect(workingTimeBetween(mx('2026-11-25T09:00:00'), due, cal)).toBe(72 * HOUR_MS);
    // Prevención from Wednesday 12:00 to Friday 12:00: 18 working hours added to the deadline.
    const after = deadlineAfterPause(due, mx('2026-11-25T12:00:00'), mx('2026-11-27T12:00:00'), cal);
    expect(after.pausedMs).toBe(18 * HOUR_MS);
    expect(workingTimeBetween(due, after.dueAt, cal)).toBe(18 * HOUR_MS);
  });

  it('handles a zone with daylight saving time (office hours follow the wall clock)', () => {
    const ny = createCalendar({ timeZone: 'America/New_York' });
    // 2026-03-08 DST starts in New York; Friday 6 Mar to Monday 9 Mar.
    const friday = new Date('2026-03-06T22:00:00Z'); // 17:00 EST
    const due = addWorkingTime(friday, 2 * HOUR_MS, ny);
    expect(due.toISOString()).toBe('2026-03-09T14:00:00.000Z'); // 10:00 EDT
  });

  it('SLA state: on time, due soon at 75 %, overdue', () => {
    const received = mx('2026-11-23T09:00:00');
    const due = addWorkingTime(received, 72 * HOUR_MS, cal);
    const allowed = 72 * HOUR_MS;
    expect(slaState(received, due, allowed, cal)).toBe('on_time');
    expect(slaState(addWorkingTime(received, 54 * HOUR_MS, cal), due, allowed, cal)).toBe('due_soon');
    expect(slaState(addWorkingTime(received, 53 * HOUR_MS, cal), due, allowed, cal)).toBe('on_time');
    expect(slaState(due, due, allowed, cal)).toBe('overdue');
  });
});

const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 11, 31) })
  .map((ms) => new Date(ms));
const duration = fc.integer({ min: 0, max: 400 * HOUR_MS });
const span = fc.integer({ min: 0, max: 120 * 24 * HOUR_MS });
const zone = fc.constantFrom('America/Mexico_City', 'America/Tijuana', 'America/New_York', 'UTC');
const declared = fc.array(
  fc
    .date({ min: new Date('2024-01-01'), max: new Date('2031-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  { maxLength: 20 },
);

describe('working calendar properties', () => {
  it('adding then measuring working time round-trips', () => {
    fc.assert(
      fc.property(instant, duration, zone, declared, (start, ms, timeZone, days) => {
        const c = createCalendar({ timeZone, nonWorkingDays: days });
        const end = addWorkingTime(start, ms, c);
        expect(end.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(workingTimeBetween(start, end, c)).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('measuring is additive and antisymmetric', () => {
    fc.assert(
      // Three instants within a few months anywhere in 2024–2031: each measure walks day by day, so
      // spans of years (the old generator) only made it slow, not more thorough.
      fc.property(instant, span, span, zone, (p, pq, qr, timeZone) => {
        const c = createCalendar({ timeZone });
        const q = new Date(p.getTime() + pq);
        const r = new Date(q.getTime() + qr);
        expect(workingTimeBetween(p, q, c) + workingTimeBetween(q, r, c)).toBe(workingTimeBetween(p, r, c));
        expect(workingTimeBetween(q, p, c) + workingTimeBetween(p, q, c)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('pauses never shorten a deadline and add exactly the paused working time', () => {
    fc.assert(
      fc.property(instant, duration, duration, declared, (received, beforePause, pauseLen, days) => {
        const c = createCalendar({ nonWorkingDays: days });
        const due = addWorkingTime(received, 72 * HOUR_MS, c);
        const pausedAt = addWorkingTime(received, beforePause, c);
        const resumedAt = new Date(pausedAt.getTime() + pauseLen);
        const after = deadlineAfterPause(due, pausedAt, resumedAt, c);
        expect(after.dueAt.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(workingTimeBetween(due, after.dueAt, c)).toBe(after.pausedMs);
        expect(after.pausedMs).toBe(workingTimeBetween(pausedAt, resumedAt, c));
      }),
      { numRuns: 200 },
    );
  });
});
