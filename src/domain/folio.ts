/** Folio: the public number of a request, `COESPO-2026-000123` (agency code, year, gapless sequence). */
const FOLIO_RE = /^([A-Z][A-Z0-9]{1,15})-(\d{4})-(\d{6,})$/;

export function formatFolio(agencyCode: string, year: number, sequence: number): string {
  return `${agencyCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

export function parseFolio(folio: string): { agencyCode: string; year: number; sequence: number } | null {
  const m = FOLIO_RE.exec(folio.trim().toUpperCase());
  if (!m) return null;
  return { agencyCode: m[1]!, year: Number(m[2]), sequence: Number(m[3]) };
}
