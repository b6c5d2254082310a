/**
 * Mandatory rest days of the Ley Federal del Trabajo, art. 74 (as amended in 2006 and 2013):
 * fixed dates, the movable Mondays, and 1 October in the years the federal Executive changes hands.
 * Election days (fraction IX) and the State's own non-working days are added by the admin.
 */
export type Holiday = { date: string; key: HolidayKey };
export type HolidayKey =
  | 'new_year'
  | 'constitution'
  | 'juarez'
  | 'labour'
  | 'independence'
  | 'executive_transfer'
  | 'revolution'
  | 'christmas';

/** The first year of the new six-year cycle of the federal Executive taking office on 1 October. */
const EXECUTIVE_TRANSFER_BASE_YEAR = 2024;

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the month of the `n`-th Monday of `month` (1-12). */
function nthMonday(year: number, month: number, n: number): number {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstMonday = 1 + ((8 - firstWeekday) % 7);
  return firstMonday + (n - 1) * 7;
}

export function isExecutiveTransferYear(year: number): boolean {
  return year >= EXECUTIVE_TRANSFER_BASE_YEAR && (year - EXECUTIVE_TRANSFER_BASE_YEAR) % 6 === 0;
}

export function federalHolidays(year: number): Holiday[] {
  const days: Holiday[] = [
    { date: isoDate(year, 1, 1), key: 'new_year' },
    { date: isoDate(year, 2, nthMonday(year, 2, 1)), key: 'constitution' },
    { date: isoDate(year, 3, nthMonday(year, 3, 3)), key: 'juarez' },
    { date: isoDate(year, 5, 1), key: 'labour' },
    { date: isoDate(year, 9, 16), key: 'independence' },
    { date: isoDate(year, 11, nthMonday(year, 11, 3)), key: 'revolution' },
    { date: isoDate(year, 12, 25), key: 'christmas' },
  ];
  if (isExecutiveTransferYear(year)) days.push({ date: isoDate(year, 10, 1), key: 'executive_transfer' });
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}
