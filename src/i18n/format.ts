// Dates and numbers as the service shows them: `25 de noviembre de 2026, 10:30 h`, `1,645,352`, `14.1 %`.
import type { Locale } from './index.ts';

// Building an Intl formatter costs far more than using one (it was most of a status page's CPU time),
// so each distinct one is made once and kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  const cached = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (cached) return cached;
  const f = new Intl.DateTimeFormat(locale, options);
  formatters.set(key, f);
  return f;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${JSON.stringify(options)}`;
  const cached = formatters.get(key) as Intl.NumberFormat | undefined;
  if (cached) return cached;
  const f = new Intl.NumberFormat('es-MX', options);
  formatters.set(key, f);
  return f;
}

/**
 * `timeZone` is required on purpose: dates are shown in the agency's zone (`config.agency.timezone`),
 * never in the server's or a fixed one.
 */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  const d = formatDate(date, locale, timeZone);
  const t = dateFormat('es-MX', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    date,
  );
  return locale === 'en' ? `${d}, ${t}` : `${d}, ${t} h`;
}

export function formatDate(date: Date, locale: Locale, timeZone: string): string {
  return dateFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return numberFormat({ maximumFractionDigits }).format(value);
}

export function formatPercent(value: number, fractionDigits = 1): string {
  return `${numberFormat({ minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)} %`;
}
