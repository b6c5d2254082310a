// Dates and numbers as the service shows them: `25 de noviembre de 2026, 10:30 h`, `1,645,352`, `14.1 %`.
import type { Locale } from './index.ts';

const TZ = 'America/Mexico_City';

export function formatDateTime(date: Date, locale: Locale = 'es-MX', timeZone = TZ): string {
  const d = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  const t = new Intl.DateTimeFormat('es-MX', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return locale === 'en' ? `${d}, ${t}` : `${d}, ${t} h`;
}

export function formatDate(date: Date, locale: Locale = 'es-MX', timeZone = TZ): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(
    date,
  );
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat('es-MX', { maximumFractionDigits }).format(value);
}

export function formatPercent(value: number, fractionDigits = 1): string {
  return `${new Intl.NumberFormat('es-MX', { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value)} %`;
}
