import type { Actor } from '../../domain/actor.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Locale } from '../../i18n/index.ts';
import type { IndicatorEntry, StatsEngine, ValueResult } from '../../stats/engine.ts';
import type { Deps } from '../deps.ts';
import { placeMapSvg } from './place-map.ts';
import { type ProfilePlace, profilePlaces } from './place-slugs.ts';

const PROFILE_BLOCKS = [
  'population',
  'age',
  'marginalization',
  'housing',
  'health',
  'education',
  'economy',
  'diversity',
  'demography',
] as const;
type ProfileBlockId = (typeof PROFILE_BLOCKS)[number];

/**
 * What each block shows, from the indicator catalog (src/domain/indicators.ts). An id the catalog does
 * not have, or one that does not answer for the place's level, is left out of that place's block.
 */
const BLOCK_INDICATORS: Record<ProfileBlockId, readonly string[]> = {
  population: [
    'population_total',
    'pct_female',
    'sex_ratio',
    'population_growth_rate_annual',
    'population_change_absolute',
    'households',
    'average_household_size',
    'pct_female_headed_households',
  ],
  age: ['pct_0_14', 'pct_15_64', 'pct_60_plus', 'population_0_2', 'population_60_plus'],
  marginalization: [
    'marginalization_grade',
    'marginalization_index_municipal',
    'marginalization_index_state',
    'pct_urban_population_high_marginalization',
    'pct_dwellings_no_piped_water',
    'pct_dwellings_no_electricity',
    'pct_dwellings_no_toilet_drainage',
    'pct_dwellings_dirt_floor',
    'pct_dwellings_overcrowded',
    'pct_population_small_localities',
  ],
  housing: [
    'occupied_dwellings',
    'pct_dwellings_electricity',
    'pct_dwellings_piped_water',
    'pct_dwellings_drainage',
    'pct_dwellings_toilet',
    'pct_dwellings_internet',
    'pct_dwellings_computer',
    'pct_dwellings_mobile_phone',
    'pct_dwellings_refrigerator',
    'pct_dwellings_one_bedroom',
    'pct_dwellings_not_occupied',
  ],
  health: [
    'pct_without_health_coverage',
    'pct_imss',
    'pct_seguro_popular_insabi',
    'pct_private_insurance',
    'pct_with_disability',
    'population_with_disability',
  ],
  education: ['pct_illiterate_15plus_census', 'pct_no_basic_education_15plus'],
  economy: [
    'economic_participation_rate',
    'unemployment_rate',
    'pct_employed_women',
    'employed_population',
    'pct_low_income_workers',
  ],
  diversity: ['pct_indigenous_language_3plus', 'pct_afromexican', 'pct_born_other_state'],
  demography: [
    'life_expectancy',
    'total_fertility_rate',
    'infant_mortality_rate',
    'median_age',
    'ageing_index',
    'crude_birth_rate',
    'crude_death_rate',
  ],
};

/** The first figures of the page, each with its comparison. */
const HEADLINE = [
  'population_total',
  'population_growth_rate_annual',
  'occupied_dwellings',
  'marginalization_grade',
  'pct_60_plus',
];

/** Which kind of count each year of the population series is (INEGI). */
type SeriesKind = 'census' | 'count' | 'survey' | 'projection';
const SERIES_KINDS: Readonly<Record<number, SeriesKind>> = {
  1995: 'count',
  2005: 'count',
  2015: 'survey',
};

export type ProfileRow = {
  indicator: string;
  name: string;
  year: number;
  /** The place's figure, then one per comparison place (null: the indicator does not answer there). */
  values: (ValueResult | null)[];
};

export type ProfileBlock = { id: ProfileBlockId; rows: ProfileRow[]; indicators: string[] };

export type SeriesPoint = { year: number; kind: SeriesKind; result: ValueResult };

export type PlaceProfile = {
  place: ProfilePlace;
  /** The places beside it in every table: its region (for a municipality) and the state. */
  comparisons: ProfilePlace[];
  /** The regions and zones a municipality belongs to. */
  partOf: ProfilePlace[];
  headline: ProfileRow[];
  /** Population 1990–2020 (censuses, counts, the 2015 survey) and CONAPO's projections after. */
  series: SeriesPoint[];
  /** The 2015 age × sex figures, when loaded. */
  pyramid: ValueResult | null;
  blocks: ProfileBlock[];
  /** For a region, zone or the state: its municipalities with their population and marginalization grade. */
  members: { place: ProfilePlace; population: ValueResult | null; grade: ValueResult | null }[];
  /** The municipal map with the place highlighted (SVG), when the boundary file is available. */
  mapSvg: string | null;
  /** Whether any official figure is loaded at all (before the first import there is none). */
  dataLoaded: boolean;
};

type LoadPlaceProfileInput = { slug: string; locale: Locale; mapLabel: (name: string) => string };

/** The figure, or null when the engine cannot give it for this place and year (never throws). */
function tryValue(stats: StatsEngine, indicator: string, geo: string, year: number, locale: Locale) {
  try {
    return stats.value({ indicator, geo, year }, locale);
  } catch {
    return null;
  }
}

/** The latest year of the indicator that is not in the future (projections run to 2070). */
function profileYear(ind: IndicatorEntry, currentYear: number): number {
  const past = ind.years.filter((y) => y <= currentYear);
  return past.at(-1) ?? (ind.years[0] as number);
}

/**
 * A place's profile (a public read, anyone may see it): the place from its slug, then every block's
 * figures for it and its comparison places, straight from the in-memory engine.
 */
export function loadPlaceProfile(
  deps: Pick<Deps, 'stats' | 'clock' | 'config'>,
  _actor: Actor,
  input: LoadPlaceProfileInput,
): PlaceProfile {
  const { stats } = deps;
  const { locale } = input;
  const index = profilePlaces(stats);
  const place = index.bySlug.get(input.slug);
  if (!place) throw new NotFoundError('place');
  const state = index.all.find((p) => p.level === 'state');
  const regions = index.all.filter((p) => p.level === 'region');
  const zones = index.all.filter((p) => p.level === 'zm');
  const partOf =
    place.level === 'mun' ? [...regions, ...zones].filter((g) => g.members.includes(place.id)) : [];
  const region = partOf.find((p) => p.level === 'region');
  // A region of one municipality would only repeat the municipality's own figures beside them.
  const comparisons = [...(region ? [region] : []), ...(state && place.level !== 'state' ? [state] : [])];
  const currentYear = deps.clock.now().getUTCFullYear();
  const catalog = new Map(stats.indicators(locale).map((i) => [i.id, i]));
  const dataLoaded = stats.datasets().length > 0;

  const row = (id: string): ProfileRow | null => {
    const ind = catalog.get(id);
    if (!ind?.loaded || !ind.levels.includes(place.level)) return null;
    const year = profileYear(ind, currentYear);
    const own = tryValue(stats, id, place.id, year, locale);
    if (!own) return null;
    const others = comparisons.map((p) =>
      ind.levels.includes(p.level) ? tryValue(stats, id, p.id, year, locale) : null,
    );
    return { indicator: id, name: ind.name, year, values: [own, ...others] };
  };
  const rows = (ids: readonly string[]) => ids.map(row).filter((r): r is ProfileRow => r !== null);

  const blocks = PROFILE_BLOCKS.map((id) => {
    const list = rows(BLOCK_INDICATORS[id]);
    return { id, rows: list, indicators: list.map((r) => r.indicator) };
  }).filter((b) => b.rows.length > 0);

  const series: SeriesPoint[] = [];
  const total = catalog.get('population_total');
  if (total?.loaded) {
    for (const year of total.years) {
      const result = tryValue(stats, 'population_total', place.id, year, locale);
      if (result && typeof result.value === 'number')
        series.push({ year, kind: SERIES_KINDS[year] ?? 'census', result });
    }
  }
  // The state has CONAPO's newer state projections; the other places the municipal ones.
  const projection = catalog.get(
    place.level === 'state' ? 'population_projection_state' : 'population_projection',
  );
  const lastCount = series.at(-1)?.year ?? 0;
  if (projection?.loaded && projection.levels.includes(place.level)) {
    for (const year of projection.years.filter((y) => y > lastCount && y <= 2030 && y % 5 === 0)) {
      const result = tryValue(stats, projection.id, place.id, year, locale);
      if (result && typeof result.value === 'number') series.push({ year, kind: 'projection', result });
    }
  }

  const pyramidInd = catalog.get('population_pyramid_2015');
  const pyramid =
    pyramidInd?.loaded && pyramidInd.levels.includes(place.level)
      ? tryValue(stats, 'population_pyramid_2015', place.id, 2015, locale)
      : null;

  const latest = (id: string) => {
    const ind = catalog.get(id);
    return ind?.loaded ? profileYear(ind, currentYear) : null;
  };
  const popYear = latest('population_total');
  const gradeYear = latest('marginalization_grade');
  const members =
    place.level === 'mun'
      ? []
      : place.members
          .map((m) => index.all.find((p) => p.id === m))
          .filter((p): p is ProfilePlace => p !== undefined)
          .map((p) => ({
            place: p,
            population: popYear ? tryValue(stats, 'population_total', p.id, popYear, locale) : null,
            grade: gradeYear ? tryValue(stats, 'marginalization_grade', p.id, gradeYear, locale) : null,
          }));

  const code = (id: string) => id.slice(id.indexOf(':') + 1);
  const highlight = new Set(place.members.map(code));
  const context = new Set(region && place.level === 'mun' ? region.members.map(code) : []);
  const mapSvg = placeMapSvg(deps.config.statsDataDir, highlight, context, input.mapLabel(place.name));

  return {
    place,
    comparisons,
    partOf,
    headline: rows(HEADLINE),
    series,
    pyramid: pyramid?.breakdown ? pyramid : null,
    blocks,
    members,
    mapSvg,
    dataLoaded,
  };
}
