import { federalHolidays, isoDate } from './mexican-holidays.ts';

/**
 * The office's working-hours clock. Pure: instants are passed in. Working time is the overlap with
 * the office hours of working days in the office's time zone; weekends, the federal holidays and the
 * non-working days declared for the year (Gaceta del Gobierno) do not count.
 */
export type OfficeHours = { start: string; end: string; weekdays: readonly number[] };

export type WorkingCalendar = {
  timeZone: string;
  officeHours: OfficeHours;
  /** Extra non-working local dates (YYYY-MM-DD) declared by the admin. */
  nonWorkingDays: ReadonlySet<string>;
};

export const HOUR_MS = 3_600_000;

export function createCalendar(opts: {
  timeZone?: string;
  officeHours?: OfficeHours;
  nonWorkingDays?: Iterable<string>;
}): WorkingCalendar {
  const officeHours = opts.officeHours ?? { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] };
  if (minutesOf(officeHours.end) <= minutesOf(officeHours.start)) {
    throw new RangeError('office hours must end after they start');
  }
  return {
    timeZone: opts.timeZone ?? 'America/Mexico_City',
    officeHours,
    nonWorkingDays: new Set(opts.nonWorkingDays ?? []),
  };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

type LocalDay = { year: number; month: number; day: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string) {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** Offset of `timeZone` from UTC at `instant`, in ms (local = utc + offset). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Zone conversions cost a few Intl calls each; deadlines keep asking for the same days, so remember them.
const instantCache = new Map<string, number>();
const INSTANT_CACHE_MAX = 200_000;

/** The instant at which the local wall clock in `timeZone` reads the given date and minutes. */
export function zonedInstant(day: LocalDay, minutes: number, timeZone: string): number {
  const key = `${timeZone}|${day.year}-${day.month}-${day.day}|${minutes}`;
  let hit = instantCache.get(key);
  if (hit === undefined) {
    if (instantCache.size >= INSTANT_CACHE_MAX) instantCache.clear();
    hit = computeZonedInstant(day, minutes, timeZone);
    instantCache.set(key, hit);
  }
  return hit;
}

function computeZonedInstant(day: LocalDay, minutes: number, timeZone: string): number {
  const guess = Date.UTC(day.year, day.month - 1, day.day, 0, minutes);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

export function localDayOf(instant: number, timeZone: string): LocalDay {
  const w = wallClock(instant, timeZone);
  return { year: w.year, month: w.month, day: w.day };
}

function nextDay(d: LocalDay): LocalDay {
  const n = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: n.getUTCFullYear(), month: n.getUTCMonth() + 1, day: n.getUTCDate() };
}

function dayKey(d: LocalDay): string {
  return isoDate(d.year, d.month, d.day);
}

const holidayCache = new Map<number, Set<string>>();
function federalHolidaySet(year: number): Set<string> {
  let s = holidayCache.get(year);
  if (!s) {
    s = new Set(federalHolidays(year).map((h) => h.date));
    holidayCache.set(year, s);
  }
  return s;
}

/** Whether the local date `YYYY-MM-DD` is a working day in `calendar`. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return (
    calendar.officeHours.weekdays.includes(weekday) &&
    !federalHolidaySet(y!).has(date) &&
    !calendar.nonWorkingDays.has(date)
  );
}

/** The office-hours window of a local day as [start, end) instants, or null on a non-working day. */
function windowOf(day: LocalDay, calendar: WorkingCalendar): [number, number] | null {
  if (!isWorkingDay(dayKey(day), calendar)) return null;
  return [
    zonedInstant(day, minutesOf(calendar.officeHours.start), calendar.timeZone),
    zonedInstant(day, minutesOf(calendar.officeHours.end), calendar.timeZone),
  ];
}

// A calendar with no working day at all would loop forever; ten years of days is a generous bound.
const MAX_DAYS = 3660;

/** The instant when `ms` of working time will have passed since `start`. */
export function addWorkingTime(start: Date, ms: number, calendar: WorkingCalendar): Date {
  if (ms <= 0) return new Date(start);
  const from = start.getTime();
  let remaining = ms;
  let day = localDayOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = windowOf(day, calendar);
    if (!w) continue;
    const segStart = Math.max(from, w[0]);
    if (segStart >= w[1]) continue;
    const available = w[1] - segStart;
    if (remaining <= available) return new Date(segStart + remaining);
    remaining -= available;
  }
  throw new RangeError('the calendar has no working time within ten years');
}

/** Working time between two instants in ms; negative when `b` is before `a`. */
export function workingTimeBetween(a: Date, b: Date, calendar: WorkingCalendar): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return 0 - workingTimeBetween(b, a, calendar);
  let total = 0;
  const lastKey = dayKey(localDayOf(to, calendar.timeZone));
  let day = localDayOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS * 10; i++, day = nextDay(day)) {
    const w = windowOf(day, calendar);
    if (w) total += Math.max(0, Math.min(to, w[1]) - Math.max(from, w[0]));
    if (dayKey(day) >= lastKey) break;
  }
  return total;
}

/** The next instant at or after `at` that is inside office hours (when the clock actually runs). */
export function nextWorkingInstant(at: Date, calendar: WorkingCalendar): Date {
  const from = at.getTime();
  let day = localDayOf(from, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const w = windowOf(day, calendar);
    if (w && from < w[1]) return new Date(Math.max(from, w[0]));
  }
  throw new RangeError('the calendar has no working time within ten years');
}

export type SlaState = 'on_time' | 'due_soon' | 'overdue';

/**
 * Where a deadline stands: overdue from `dueAt` on; due soon once `dueSoonShare` (75 %) of the
 * allowed working time `allowedMs` is used, i.e. when at most the rest remains before `dueAt`.
 */
export function slaState(
  now: Date,
  dueAt: Date,
  allowedMs: number,
  calendar: WorkingCalendar,
  dueSoonShare = 0.75,
): SlaState {
  if (now.getTime() >= dueAt.getTime()) return 'overdue';
  const remaining = workingTimeBetween(now, dueAt, calendar);
  return remaining <= allowedMs * (1 - dueSoonShare) ? 'due_soon' : 'on_time';
}

/** The deadline after a pause from `pausedAt` to `resumedAt`: the paused working time is added to it. */
export function deadlineAfterPause(
  dueAt: Date,
  pausedAt: Date,
  resumedAt: Date,
  calendar: WorkingCalendar,
): { dueAt: Date; pausedMs: number } {
  const pausedMs = Math.max(0, workingTimeBetween(pausedAt, resumedAt, calendar));
  return { dueAt: addWorkingTime(dueAt, pausedMs, calendar), pausedMs };
}
