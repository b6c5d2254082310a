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
  /** The row's publications in words (institution, title, release, variables, URL), "; "-separated. */
  source: string;
  /** Numbers (1-based) of the answer's `citations` this figure comes from; absent in older answers. */
  citations?: number[];
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
  /**
   * The answer's sources, one per publication (deduplicated over every figure), as numbered in the
   * oficio: citation n is `citations[n - 1]`. Absent in answers prepared before citations were numbered.
   */
  citations?: string[];
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

/**
 * THE number rule of every document: a figure is shown with its indicator's decimals (`DataRow.decimals`,
 * from the catalog), always all of them — "4.0 %" beside "3.5 %", never "4 %". The oficio, the data
 * files and the charts use `roundFigure` / `formatFigure` / `numberFormat` with the same `decimals`.
 */
export function roundFigure(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

const figureFormats = new Map<number, Intl.NumberFormat>();

/** `1,645,352`, `4.0`, `0.352` (es-MX grouping), with exactly `decimals` decimals. */
export function formatFigure(value: number, decimals: number): string {
  let f = figureFormats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('es-MX', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    figureFormats.set(decimals, f);
  }
  return f.format(value);
}

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

/** A figure of a drawn area: each municipality's counts shared out by the part of its surface inside. */
export function isAreaShareEstimate(r: Pick<DataRow, 'geoId'>): boolean {
  return r.geoId.startsWith('polygon:');
}

/**
 * The numbers a data file writes for a row: the value with its indicator's decimals and, for a drawn
 * area's estimate, whole numerator and denominator (people, dwellings), never "237183.337 personas".
 */
export function fileNumbers(r: DataRow): Pick<DataRow, 'value' | 'numerator' | 'denominator'> {
  const whole = (n: number | null) => (n === null || !isAreaShareEstimate(r) ? n : Math.round(n));
  return {
    value: typeof r.value === 'number' ? roundFigure(r.value, r.decimals) : r.value,
    numerator: whole(r.numerator),
    denominator: whole(r.denominator),
  };
}
