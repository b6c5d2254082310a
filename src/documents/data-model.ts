/** The figures of one answer, as the data files present them (built by the answers service from deps.stats). */
export type DataRow = {
  indicatorId: string;
  indicatorName: string;
  geoId: string;
  geoName: string;
  year: number;
  /** A number, a category (e.g. a marginalization grade), or null when suppressed / not available. */
  value: number | string | null;
  unitLabel: string;
  decimals: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  notes: string[];
};

export type IndicatorMeta = {
  id: string;
  name: string;
  definition: string;
  unitLabel: string;
  decimals: number;
  /** "INEGI, Censo de Población y Vivienda 2020 (edición …), tabla …" */
  sources: string[];
};

export type AnswerData = {
  folio: string;
  generatedAt: Date;
  /** IANA zone dates are written in: the agency's (`config.agency.timezone`). */
  timeZone: string;
  agencyName: string;
  /** The place, or with several places all of them as one (names joined, members together). */
  geo: { id: string; name: string; members: { id: string; name: string }[] };
  /** Each place of an answer that compares several (a técnico's composition); absent for one place. */
  places?: { id: string; name: string; members: { id: string; name: string }[] }[];
  indicators: IndicatorMeta[];
  rows: DataRow[];
  notes: string[];
  /** The técnico's paragraphs for the oficio (plain text); absent in automatic answers. */
  bodyParagraphs?: string[];
  /**
   * What the request asked for and the answer does not carry (a chart of a single figure, a map of a
   * state-only indicator…), each with its reason as a sentence in Spanish, for the oficio, the e-mail
   * and the portal to state. Filled when the files are built (`dataFiles`).
   */
  omitted?: OmittedFormat[];
};

/** A requested format (`chart`, `map`, …) not produced, and why (a Spanish sentence). */
export type OmittedFormat = { format: string; reason: string };

/** Excel/number format for a number of decimals: `#,##0` or `#,##0.0…`. */
export function numberFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** Stable file-name stem from a name: lower case ASCII, dashes. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
