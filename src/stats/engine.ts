/**
 * The statistics engine contract (`deps.stats`). Values are held in memory (loaded from the
 * statistics tables at start and after each import), so a value costs microseconds and every method
 * but `reload` is synchronous. The catalog and the geographies work without any imported data.
 */
import type { AggregateStatus, CellStatus } from '../domain/aggregation.ts';
import type { GeoLevel, PlaceLevel, PolygonGeometry } from '../domain/geography.ts';
import type { Aggregation, DatasetId, TopicId, Unit } from '../domain/indicators.ts';
import type { Locale } from '../i18n/index.ts';

export type IndicatorEntry = {
  id: string;
  name: string;
  definition: string;
  unit: Unit;
  unitLabel: string;
  topic: TopicId;
  topicName: string;
  aggregation: Aggregation;
  years: number[];
  levels: GeoLevel[];
  source: { dataset: DatasetId; title: string; table: string };
  /** Whether the indicator's dataset has been imported. */
  loaded: boolean;
};

export type TopicEntry = { id: TopicId; name: string; indicators: string[] };

export type GeographyEntry = {
  id: string;
  name: string;
  level: PlaceLevel;
  /** Member municipality ids (`mun:15MMM`). */
  members: string[];
  scheme?: { id: string; name: string; year: number };
};

/** A geography resolved to weighted member municipalities (weight 1, or the area share of a polygon). */
export type ResolvedGeo = {
  id: string;
  name: string;
  level: GeoLevel;
  members: { code: string; weight: number }[];
  /**
   * For a polygon: the units it covers and how they were chosen. Municipalities always by area share;
   * urban AGEBs by the position of their locality (when the full ITER with coordinates is loaded),
   * else through their municipality's area share.
   */
  units?: {
    municipalities: number;
    urbanAgebs: number;
    method: 'area_share';
    agebMethod: 'locality_point' | 'municipality_share';
  };
  /** For a polygon resolved by locality position: the urban AGEBs inside it. */
  agebs?: string[];
  geometry?: PolygonGeometry;
  notes: string[];
};

export type ValueSource = {
  dataset: DatasetId;
  title: string;
  edition: string | null;
  /** Official table / columns used. */
  table: string;
};

export type ValueResult = {
  indicator: string;
  indicatorName: string;
  geo: string;
  geoName: string;
  year: number;
  /** A number, a category (marginalization grade) or null when suppressed / not available. */
  value: number | string | null;
  numerator: number | null;
  denominator: number | null;
  unit: Unit;
  unitLabel: string;
  decimals: number;
  status: AggregateStatus;
  source: ValueSource[];
  notes: string[];
  /**
   * Population pyramid: the groups and their male / female counts; for one place of the 2015 survey,
   * each cell's coefficient of variation (%) as INEGI publishes it.
   */
  breakdown?: {
    key: string;
    male: number | null;
    female: number | null;
    maleCv?: number | null;
    femaleCv?: number | null;
  }[];
  /**
   * A survey estimate for one place: its coefficient of variation (%) and INEGI's precision band
   * (high < 15 %, moderate 15–30 %, low ≥ 30 %). Absent for counts and aggregates of several places.
   */
  cv?: number | null;
  cvLevel?: 'high' | 'moderate' | 'low';
};

export type ValueQuery = { indicator: string; geo: string | unknown; year?: number | undefined };
export type TableQuery = { indicators: string[]; geo: string | unknown; years?: number[] | undefined };
export type ValueTable = {
  geo: string;
  geoName: string;
  level: GeoLevel;
  rows: ValueResult[];
  notes: string[];
};

export type DatasetInfo = {
  id: DatasetId;
  title: string;
  source: string;
  edition: string | null;
  fileName: string;
  sha256: string;
  rows: number;
  facts: number;
  importedAt: Date;
};

/** One stored figure: `<family>.<COLUMN>` for a municipality (15MMM), the state (15) or an AGEB. */
export type Fact = {
  dataset: DatasetId;
  variable: string;
  geo: string;
  year: number;
  value: number | null;
  text: string | null;
  status: CellStatus;
};

export type StatsData = {
  datasets: DatasetInfo[];
  facts: Fact[];
  /** Municipal boundaries (WGS84) for polygon queries. */
  boundaries: { code: string; geometry: PolygonGeometry }[];
};

export type CanAnswer =
  | { ok: true }
  | { ok: false; reasonKey: string; params?: Record<string, string | number> };

export interface StatsEngine {
  indicators(locale?: Locale): IndicatorEntry[];
  topics(locale?: Locale): TopicEntry[];
  geographies(level?: PlaceLevel): GeographyEntry[];
  /** An id (`mun:15033`…) or a GeoJSON polygon. Throws InvalidInputError (malformed) / NotFoundError. */
  resolveGeo(idOrGeoJson: string | unknown, locale?: Locale): ResolvedGeo;
  /** Throws NotFoundError, InvalidInputError, or UnprocessableError (not aggregable, year/level unavailable). */
  value(query: ValueQuery, locale?: Locale): ValueResult;
  /** Every indicator × year; not-aggregable indicators over several municipalities expand to the members. */
  table(query: TableQuery, locale?: Locale): ValueTable;
  datasets(): DatasetInfo[];
  /** Whether the question can be answered automatically from loaded data (never throws). */
  canAnswer(query: TableQuery): CanAnswer;
  /** Replaces the in-memory data (after an import). */
  load(data: StatsData): void;
  /** Re-reads the data from its loader (the database in production); no-op without a loader. */
  reload(): Promise<void>;
}

export { createStatsEngine } from './memory-engine.ts';
