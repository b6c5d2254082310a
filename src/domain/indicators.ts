/**
 * The indicator catalog: definitions only (values live in the database, loaded by src/stats).
 * Each indicator says how it is computed from stored variables and how it aggregates:
 *   sum             counts: Σ numerator over the member municipalities
 *   ratio           scale × Σ numerator / Σ denominator (both summed first, never an average of %)
 *   not_aggregable  composite indices: only for a municipality (or where the source publishes the place)
 * Names and definitions are message keys (`stats.ind.<id>.name` / `.def`) in src/i18n/<locale>/stats.ts.
 */
import type { GeoLevel } from './geography.ts';

export type Aggregation = 'sum' | 'ratio' | 'not_aggregable';

export const TOPICS = [
  'population',
  'age',
  'ethnicity',
  'marginalization',
  'housing',
  'health',
  'education',
  'economy',
  'social',
  'demography',
] as const;
export type TopicId = (typeof TOPICS)[number];

export type Unit =
  | 'people'
  | 'dwellings'
  | 'households'
  | 'agebs'
  | 'percent'
  | 'per_100'
  | 'index'
  | 'grade'
  | 'years'
  | 'children_per_woman'
  | 'per_1000'
  | 'people_per_household'
  | 'per_100_people'
  | 'per_1000_people'
  | 'per_1000_women'
  | 'km2'
  | 'people_per_km2';

/** The datasets the importers load (one per official file family); see src/stats/datasets.ts. */
export const DATASET_IDS = [
  'ageeml_mun',
  'censo2020_iter',
  'population_series',
  'eic2015_age_sex',
  'censo2020_afro_indigenous',
  'conapo_imm',
  'conapo_ime',
  'conapo_imu_ageb',
  'conapo_projections_mun',
  'conapo_projections_state',
  'conapo_demographic_indicators',
  'conapo_life_expectancy',
  'mg2025_boundaries',
] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/**
 * A stored variable (`<family>.<COLUMN>`, the official column name) with an optional sign and year shift.
 * `variable` may list alternatives: the first one with data for the year is used (e.g. the full ITER's
 * TVIVPARHAB, else AGEEML's occupied dwellings) and the engine notes when an alternative was used.
 */
export type Term = { variable: string | readonly string[]; sign?: 1 | -1; yearShift?: number };

export type AgeSexGroup = { key: string; male: string; female: string };

export type IndicatorDef = {
  id: string;
  topic: TopicId;
  unit: Unit;
  aggregation: Aggregation;
  dataset: DatasetId;
  years: readonly number[];
  /** Geography levels the indicator can answer for. */
  levels: readonly GeoLevel[];
  /** sum: the terms added; ratio: the numerator; not_aggregable: the one variable read. */
  numerator: readonly Term[];
  denominator?: readonly Term[];
  /** ratio = scale × Σnum / Σden (100 for percentages). */
  scale?: number;
  decimals: number;
  /** Table and columns of the official source, as cited in answers. */
  sourceTable: string;
  /** The age × sex breakdown (population pyramid): the value is the total of every group. */
  breakdown?: readonly AgeSexGroup[];
  /**
   * annual_growth: the numerator and denominator are the populations at two census dates, summed like a
   * ratio; the value is the geometric mean annual rate between the dates, ((P₁/P₀)^(1/t) − 1) × 100,
   * t in years between the exact reference dates (CENSUS_REFERENCE_DATES).
   */
  formula?: 'annual_growth';
  /**
   * A table of urban AGEBs, not one figure: a place answers with one row per urban AGEB of its member
   * municipalities (`table`, the data files, POST /api/v1/values); `value` refuses and says so.
   */
  perAgeb?: true;
};

const ALL: readonly GeoLevel[] = ['state', 'mun', 'region', 'zm', 'set', 'polygon'];
const MUN_AND_STATE: readonly GeoLevel[] = ['state', 'mun'];
const STATE_ONLY: readonly GeoLevel[] = ['state'];
/** Where an urban-AGEB table is offered: the AGEBs of named municipalities (see `perAgeb`). */
const AGEB_TABLE_LEVELS: readonly GeoLevel[] = ['mun', 'region', 'zm', 'set'];

export const CENSUS_SERIES_YEARS = [1990, 1995, 2000, 2005, 2010, 2015, 2020] as const;

/** INEGI's reference dates ("momento censal") of each count in the population series. */
export const CENSUS_REFERENCE_DATES: Readonly<Record<number, string>> = {
  1990: '1990-03-12',
  1995: '1995-11-05',
  2000: '2000-02-14',
  2005: '2005-10-17',
  2010: '2010-06-12',
  2015: '2015-03-15',
  2020: '2020-03-15',
};

/** Years between two counts' reference dates (mean Gregorian year of 365.2425 days). */
export function yearsBetweenCounts(from: number, to: number): number {
  const ms = Date.parse(CENSUS_REFERENCE_DATES[to]!) - Date.parse(CENSUS_REFERENCE_DATES[from]!);
  return ms / (365.2425 * 86_400_000);
}
const Y2020 = [2020] as const;
const IMM_YEARS = [2010, 2015, 2020] as const;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const CONAPO_STATE_YEARS = range(1970, 2070);
/** CONAPO's migration and social-growth columns start with the projections (2020); earlier years are ND. */
const MIGRATION_YEARS = range(2020, 2070);

const v = (variable: string | readonly string[], extra: Omit<Term, 'variable'> = {}): Term => ({
  variable,
  ...extra,
});

/**
 * Occupied private dwellings: the full ITER's TVIVPARHAB, else the AGEEML's total inhabited dwellings
 * (the staged ITER subset has no TVIVPARHAB). `{den}` in the source table names the one really used.
 */
const DWELLINGS_DEN = [v(['iter.TVIVPARHAB', 'ageeml.TVIVHAB'])];
const POP_2020 = [v('iter.POBTOT')];
/** Population 15 and over: the total less the age groups under 15 (those of unstated age stay in). */
const POP_15_PLUS = [
  v('iter.POBTOT'),
  v('iter.P_0A2', { sign: -1 }),
  v('iter.P_3A5', { sign: -1 }),
  v('iter.P_6A11', { sign: -1 }),
  v('iter.P_12A14', { sign: -1 }),
];

function count(
  id: string,
  topic: TopicId,
  dataset: DatasetId,
  variable: string,
  sourceTable: string,
  opts: Partial<IndicatorDef> = {},
): IndicatorDef {
  return {
    id,
    topic,
    unit: 'people',
    aggregation: 'sum',
    dataset,
    years: Y2020,
    levels: ALL,
    numerator: [v(variable)],
    decimals: 0,
    sourceTable,
    ...opts,
  };
}

function pct(
  id: string,
  topic: TopicId,
  dataset: DatasetId,
  numerator: readonly Term[],
  denominator: readonly Term[],
  sourceTable: string,
  opts: Partial<IndicatorDef> = {},
): IndicatorDef {
  return {
    id,
    topic,
    unit: 'percent',
    aggregation: 'ratio',
    dataset,
    years: Y2020,
    levels: ALL,
    numerator,
    denominator,
    scale: 100,
    decimals: 1,
    sourceTable,
    ...opts,
  };
}

function composite(
  id: string,
  variable: string,
  unit: Unit,
  decimals: number,
  sourceTable: string,
  opts: Partial<IndicatorDef> = {},
): IndicatorDef {
  return {
    id,
    topic: 'marginalization',
    unit,
    aggregation: 'not_aggregable',
    dataset: 'conapo_imm',
    years: IMM_YEARS,
    levels: MUN_AND_STATE,
    numerator: [v(variable)],
    decimals,
    sourceTable,
    ...opts,
  };
}

/** CONAPO's modelled state-level series: one published value per year, nothing to aggregate. */
function stateModel(
  id: string,
  dataset: DatasetId,
  variable: string,
  unit: Unit,
  decimals: number,
  table: string,
  years: readonly number[] = CONAPO_STATE_YEARS,
): IndicatorDef {
  return {
    id,
    topic: 'demography',
    unit,
    aggregation: 'not_aggregable',
    dataset,
    years,
    levels: STATE_ONLY,
    numerator: [v(variable)],
    decimals,
    sourceTable: `CONAPO 2023, ${table}`,
  };
}

/** The Marco Geoestadístico edition of the staged municipal boundaries (the year of their surfaces). */
const BOUNDARIES_YEAR = 2025;
const BOUNDARIES_TABLE =
  'INEGI, Marco Geoestadístico 2025, límites municipales (versión simplificada), superficie en km² sobre el elipsoide WGS84';
const ITER = 'INEGI, Censo de Población y Vivienda 2020, ITER (totales municipales, LOC=0000)';
const SERIES = 'INEGI, Censos y Conteos 1990–2020 y Encuesta Intercensal 2015, población por municipio';
const IMM = 'CONAPO, Índice de Marginación por Municipio';
const EIC = 'INEGI, Encuesta Intercensal 2015, tabulado 02 (estimador Valor)';
const AFRO = 'INEGI, Censo 2020, tabulados de autoadscripción afromexicana y lengua indígena';

const AGE_GROUPS_2015 = [
  '00-04',
  '05-09',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75+',
] as const;

export const INDICATORS: readonly IndicatorDef[] = [
  // Population
  count('population_total', 'population', 'population_series', 'series.pob_total', `${SERIES} (pob_total)`, {
    years: CENSUS_SERIES_YEARS,
  }),
  count('population_female', 'population', 'population_series', 'series.mujeres', `${SERIES} (mujeres)`, {
    years: CENSUS_SERIES_YEARS,
  }),
  count('population_male', 'population', 'population_series', 'series.hombres', `${SERIES} (hombres)`, {
    years: CENSUS_SERIES_YEARS,
  }),
  pct(
    'pct_female',
    'population',
    'population_series',
    [v('series.mujeres')],
    [v('series.pob_total')],
    SERIES,
    {
      years: CENSUS_SERIES_YEARS,
    },
  ),
  {
    ...pct(
      'sex_ratio',
      'population',
      'population_series',
      [v('series.hombres')],
      [v('series.mujeres')],
      SERIES,
    ),
    unit: 'per_100',
    years: CENSUS_SERIES_YEARS,
  },
  pct(
    'population_change',
    'population',
    'population_series',
    [v('series.pob_total'), v('series.pob_total', { sign: -1, yearShift: -10 })],
    [v('series.pob_total', { yearShift: -10 })],
    `${SERIES} (pob_total, censo actual y censo anterior)`,
    { years: [2000, 2010, 2020] },
  ),
  count(
    'population_change_absolute',
    'population',
    'population_series',
    'series.pob_total',
    `${SERIES} (pob_total, censo actual y censo anterior)`,
    {
      years: [2000, 2010, 2020],
      numerator: [v('series.pob_total'), v('series.pob_total', { sign: -1, yearShift: -10 })],
    },
  ),
  {
    ...pct(
      'population_growth_rate_annual',
      'population',
      'population_series',
      [v('series.pob_total')],
      [v('series.pob_total', { yearShift: -10 })],
      `${SERIES} (pob_total en las fechas de referencia de ambos censos)`,
      { years: [2000, 2010, 2020], scale: 1, decimals: 2 },
    ),
    formula: 'annual_growth',
  },
  count(
    'population_projection',
    'population',
    'conapo_projections_mun',
    'proj.total',
    'CONAPO, Proyecciones de la población de los municipios de México 2015–2030 (edición 2019), población a mitad de año',
    { years: [2015, 2020, 2025, 2030] },
  ),
  count(
    'population_projection_state',
    'demography',
    'conapo_projections_state',
    'projstate.pob_mid_year',
    'CONAPO, Conciliación demográfica 1950–2019 y Proyecciones 2020–2070 (2023), población a mitad de año',
    { years: CONAPO_STATE_YEARS, levels: STATE_ONLY },
  ),
  count('households', 'social', 'censo2020_iter', 'iter.TOTHOG', `${ITER} (TOTHOG)`, { unit: 'households' }),
  pct(
    'pct_female_headed_households',
    'social',
    'censo2020_iter',
    [v('iter.HOGJEF_F')],
    [v('iter.TOTHOG')],
    `${ITER} (HOGJEF_F / TOTHOG)`,
  ),
  // Age
  count('population_0_2', 'age', 'censo2020_iter', 'iter.P_0A2', `${ITER} (P_0A2)`),
  count('population_3_5', 'age', 'censo2020_iter', 'iter.P_3A5', `${ITER} (P_3A5)`),
  count('population_6_11', 'age', 'censo2020_iter', 'iter.P_6A11', `${ITER} (P_6A11)`),
  count('population_12_14', 'age', 'censo2020_iter', 'iter.P_12A14', `${ITER} (P_12A14)`),
  count('population_15_17', 'age', 'censo2020_iter', 'iter.P_15A17', `${ITER} (P_15A17)`),
  count('population_15_64', 'age', 'censo2020_iter', 'iter.POB15_64', `${ITER} (POB15_64)`),
  count('population_60_plus', 'age', 'censo2020_iter', 'iter.P_60YMAS', `${ITER} (P_60YMAS)`),
  pct(
    'pct_0_14',
    'age',
    'censo2020_iter',
    [v('iter.P_0A2'), v('iter.P_3A5'), v('iter.P_6A11'), v('iter.P_12A14')],
    POP_2020,
    `${ITER} ((P_0A2 + P_3A5 + P_6A11 + P_12A14) / POBTOT)`,
  ),
  pct('pct_60_plus', 'age', 'censo2020_iter', [v('iter.P_60YMAS')], POP_2020, `${ITER} (P_60YMAS / POBTOT)`),
  {
    id: 'population_pyramid_2015',
    topic: 'age',
    unit: 'people',
    aggregation: 'sum',
    dataset: 'eic2015_age_sex',
    years: [2015],
    levels: ALL,
    numerator: AGE_GROUPS_2015.flatMap((g) => [v(`eic2015.h_${g}`), v(`eic2015.m_${g}`)]),
    decimals: 0,
    sourceTable: `${EIC}: población por grupo quinquenal de edad y sexo`,
    breakdown: AGE_GROUPS_2015.map((g) => ({ key: g, male: `eic2015.h_${g}`, female: `eic2015.m_${g}` })),
  },
  // Ethnicity
  count(
    'indigenous_language_speakers_3plus',
    'ethnicity',
    'censo2020_afro_indigenous',
    'afro.pob_3ymas_habla_lengua_indigena',
    `${AFRO} (población de 3 años y más que habla lengua indígena)`,
  ),
  pct(
    'pct_indigenous_language_3plus',
    'ethnicity',
    'censo2020_afro_indigenous',
    [v('afro.pob_3ymas_habla_lengua_indigena')],
    [v('afro.pob_3ymas')],
    `${AFRO} (hablantes de lengua indígena / población de 3 años y más)`,
  ),
  count(
    'afromexican_population',
    'ethnicity',
    'censo2020_afro_indigenous',
    'afro.pob_afromexicana',
    `${AFRO} (población que se considera afromexicana o afrodescendiente)`,
  ),
  pct(
    'pct_afromexican',
    'ethnicity',
    'censo2020_afro_indigenous',
    [v('afro.pob_afromexicana')],
    [v('afro.pob_total')],
    `${AFRO} (población afromexicana / población total)`,
  ),
  // Marginalization
  composite(
    'marginalization_index',
    'imm.IM',
    'index',
    3,
    `${IMM} (IM); entidad: Índice de Marginación por Entidad 2020`,
  ),
  composite(
    'marginalization_grade',
    'imm.GM',
    'grade',
    0,
    `${IMM} (GM); entidad: Índice de Marginación por Entidad 2020`,
  ),
  composite('marginalization_index_normalized', 'imm.IMN', 'index', 3, `${IMM} (IMN)`),
  // The state and municipal indices are different scales (IME vs IMM): one indicator each.
  composite('marginalization_index_municipal', 'imm.IM', 'index', 3, `${IMM} (IM_2010, IM_2015, IM_2020)`, {
    levels: ['mun'],
  }),
  composite(
    'marginalization_index_state',
    'imm.IM',
    'index',
    3,
    'CONAPO, Índice de Marginación por Entidad Federativa 2020 (IM_2020)',
    { levels: STATE_ONLY, years: [2020], dataset: 'conapo_ime' },
  ),
  composite('pct_illiterate_15plus', 'imm.ANALF', 'percent', 1, `${IMM} (ANALF)`, { topic: 'education' }),
  composite('pct_no_basic_education_15plus', 'imm.SBASC', 'percent', 1, `${IMM} (SBASC)`, {
    topic: 'education',
  }),
  composite('pct_low_income_workers', 'imm.PO2SM', 'percent', 1, `${IMM} (PO2SM)`, { topic: 'economy' }),
  count(
    'urban_population_indexed_agebs',
    'marginalization',
    'conapo_imu_ageb',
    'imu.POB_TOTAL',
    'CONAPO, Índice de Marginación Urbana 2020 por AGEB (POB_TOTAL)',
  ),
  pct(
    'pct_urban_population_high_marginalization',
    'marginalization',
    'conapo_imu_ageb',
    [v('imu.POB_HIGH')],
    [v('imu.POB_TOTAL')],
    'CONAPO, Índice de Marginación Urbana 2020 por AGEB (POB_TOTAL de las AGEB con GM_2020 Alto o Muy alto / POB_TOTAL)',
  ),
  // Urban AGEB tables: one row per AGEB of the place's municipalities (not for the state's 4,162 or a polygon).
  ...(
    [
      ['ageb_population', 'imu.POB_TOTAL', 'people', 0, 'POB_TOTAL'],
      ['ageb_marginalization_index', 'imu.IM', 'index', 3, 'IM_2020'],
      ['ageb_marginalization_grade', 'imu.GM', 'grade', 0, 'GM_2020'],
    ] as const
  ).map(
    ([id, variable, unit, decimals, column]): IndicatorDef => ({
      id,
      topic: 'marginalization',
      unit,
      aggregation: 'not_aggregable',
      dataset: 'conapo_imu_ageb',
      years: Y2020,
      levels: AGEB_TABLE_LEVELS,
      numerator: [v(variable)],
      decimals,
      sourceTable: `CONAPO, Índice de Marginación Urbana 2020 por AGEB urbana (CVE_AGEB, NOM_LOC, ${column})`,
      perAgeb: true,
    }),
  ),
  // Housing
  {
    ...count(
      'occupied_dwellings',
      'housing',
      'ageeml_mun',
      'ageeml.TVIVHAB',
      'INEGI, AGEEML (Censo 2020: TOTAL DE VIVIENDAS HABITADAS)',
    ),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_electricity',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_C_ELEC')],
    DWELLINGS_DEN,
    `${ITER} (VPH_C_ELEC) / {den}`,
  ),
  pct(
    'pct_dwellings_piped_water',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_AGUADV')],
    DWELLINGS_DEN,
    `${ITER} (VPH_AGUADV) / {den}`,
  ),
  pct(
    'pct_dwellings_drainage',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_DRENAJ')],
    DWELLINGS_DEN,
    `${ITER} (VPH_DRENAJ) / {den}`,
  ),
  pct(
    'pct_dwellings_internet',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_INTER')],
    DWELLINGS_DEN,
    `${ITER} (VPH_INTER) / {den}`,
  ),
  pct(
    'pct_dwellings_one_bedroom',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_1DOR')],
    DWELLINGS_DEN,
    `${ITER} (VPH_1DOR) / {den}`,
  ),
  // Health
  count(
    'population_without_health_coverage',
    'health',
    'censo2020_iter',
    'iter.PSINDER',
    `${ITER} (PSINDER)`,
  ),
  pct(
    'pct_without_health_coverage',
    'health',
    'censo2020_iter',
    [v('iter.PSINDER')],
    POP_2020,
    `${ITER} (PSINDER / POBTOT)`,
  ),
  pct(
    'pct_imss',
    'health',
    'censo2020_iter',
    [v('iter.PDER_IMSS')],
    POP_2020,
    `${ITER} (PDER_IMSS / POBTOT)`,
  ),
  count('population_with_disability', 'health', 'censo2020_iter', 'iter.PCON_DISC', `${ITER} (PCON_DISC)`),
  pct(
    'pct_with_disability',
    'health',
    'censo2020_iter',
    [v('iter.PCON_DISC')],
    POP_2020,
    `${ITER} (PCON_DISC / POBTOT)`,
  ),
  // Education
  count('illiterate_population_15plus', 'education', 'censo2020_iter', 'iter.P15YM_AN', `${ITER} (P15YM_AN)`),
  pct(
    'pct_illiterate_15plus_census',
    'education',
    'censo2020_iter',
    [v('iter.P15YM_AN')],
    POP_15_PLUS,
    `${ITER} (P15YM_AN / (POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14))`,
  ),
  // Economy
  count('employed_population', 'economy', 'censo2020_iter', 'iter.POCUPADA', `${ITER} (POCUPADA)`),
  count('unemployed_population', 'economy', 'censo2020_iter', 'iter.PDESOCUP', `${ITER} (PDESOCUP)`),
  count('economically_inactive_population', 'economy', 'censo2020_iter', 'iter.PE_INAC', `${ITER} (PE_INAC)`),
  pct(
    'unemployment_rate',
    'economy',
    'censo2020_iter',
    [v('iter.PDESOCUP')],
    [v('iter.POCUPADA'), v('iter.PDESOCUP')],
    `${ITER} (PDESOCUP / (POCUPADA + PDESOCUP))`,
  ),
  pct(
    'pct_employed_women',
    'economy',
    'censo2020_iter',
    [v('iter.POCUPADA_F')],
    [v('iter.POCUPADA')],
    `${ITER} (POCUPADA_F / POCUPADA)`,
  ),
  // Social
  pct(
    'pct_born_other_state',
    'social',
    'censo2020_iter',
    [v('iter.PNACOE')],
    POP_2020,
    `${ITER} (PNACOE / POBTOT)`,
  ),
  pct(
    'pct_catholic',
    'social',
    'censo2020_iter',
    [v('iter.PCATOLICA')],
    POP_2020,
    `${ITER} (PCATOLICA / POBTOT)`,
  ),
  // Demography (CONAPO, state level, modelled)
  stateModel(
    'life_expectancy',
    'conapo_life_expectancy',
    'ev.total',
    'years',
    1,
    'Esperanza de vida al nacimiento 1950–2070 (EV, total)',
  ),
  stateModel(
    'total_fertility_rate',
    'conapo_demographic_indicators',
    'demo.TGF',
    'children_per_woman',
    2,
    'Indicadores demográficos 1950–2070 (TGF)',
  ),
  stateModel(
    'infant_mortality_rate',
    'conapo_demographic_indicators',
    'demo.TMI',
    'per_1000',
    1,
    'Indicadores demográficos 1950–2070 (TMI)',
  ),
  // The wider catalog (issue 18): every staged variable a user could ask for.
  {
    ...count('dwellings_electricity', 'housing', 'censo2020_iter', 'iter.VPH_C_ELEC', `${ITER} (VPH_C_ELEC)`),
    unit: 'dwellings',
  },
  {
    ...count('dwellings_piped_water', 'housing', 'censo2020_iter', 'iter.VPH_AGUADV', `${ITER} (VPH_AGUADV)`),
    unit: 'dwellings',
  },
  {
    ...count('dwellings_drainage', 'housing', 'censo2020_iter', 'iter.VPH_DRENAJ', `${ITER} (VPH_DRENAJ)`),
    unit: 'dwellings',
  },
  {
    ...count('dwellings_internet', 'housing', 'censo2020_iter', 'iter.VPH_INTER', `${ITER} (VPH_INTER)`),
    unit: 'dwellings',
  },
  {
    ...count('dwellings_one_bedroom', 'housing', 'censo2020_iter', 'iter.VPH_1DOR', `${ITER} (VPH_1DOR)`),
    unit: 'dwellings',
  },
  {
    ...count('dwellings_toilet', 'housing', 'censo2020_iter', 'iter.VPH_EXCSA', `${ITER} (VPH_EXCSA)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_toilet',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_EXCSA')],
    DWELLINGS_DEN,
    `${ITER} (VPH_EXCSA) / {den}`,
  ),
  {
    ...count('dwellings_water_tank', 'housing', 'censo2020_iter', 'iter.VPH_TINACO', `${ITER} (VPH_TINACO)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_water_tank',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_TINACO')],
    DWELLINGS_DEN,
    `${ITER} (VPH_TINACO) / {den}`,
  ),
  {
    ...count('dwellings_cistern', 'housing', 'censo2020_iter', 'iter.VPH_CISTER', `${ITER} (VPH_CISTER)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_cistern',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_CISTER')],
    DWELLINGS_DEN,
    `${ITER} (VPH_CISTER) / {den}`,
  ),
  {
    ...count('dwellings_refrigerator', 'housing', 'censo2020_iter', 'iter.VPH_REFRI', `${ITER} (VPH_REFRI)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_refrigerator',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_REFRI')],
    DWELLINGS_DEN,
    `${ITER} (VPH_REFRI) / {den}`,
  ),
  {
    ...count(
      'dwellings_washing_machine',
      'housing',
      'censo2020_iter',
      'iter.VPH_LAVAD',
      `${ITER} (VPH_LAVAD)`,
    ),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_washing_machine',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_LAVAD')],
    DWELLINGS_DEN,
    `${ITER} (VPH_LAVAD) / {den}`,
  ),
  {
    ...count('dwellings_computer', 'housing', 'censo2020_iter', 'iter.VPH_PC', `${ITER} (VPH_PC)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_computer',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_PC')],
    DWELLINGS_DEN,
    `${ITER} (VPH_PC) / {den}`,
  ),
  {
    ...count('dwellings_mobile_phone', 'housing', 'censo2020_iter', 'iter.VPH_CEL', `${ITER} (VPH_CEL)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_mobile_phone',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_CEL')],
    DWELLINGS_DEN,
    `${ITER} (VPH_CEL) / {den}`,
  ),
  {
    ...count('dwellings_television', 'housing', 'censo2020_iter', 'iter.VPH_TV', `${ITER} (VPH_TV)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_television',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_TV')],
    DWELLINGS_DEN,
    `${ITER} (VPH_TV) / {den}`,
  ),
  {
    ...count('dwellings_bicycle', 'housing', 'censo2020_iter', 'iter.VPH_BICI', `${ITER} (VPH_BICI)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_bicycle',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_BICI')],
    DWELLINGS_DEN,
    `${ITER} (VPH_BICI) / {den}`,
  ),
  {
    ...count('dwellings_streaming', 'housing', 'censo2020_iter', 'iter.VPH_SPMVPI', `${ITER} (VPH_SPMVPI)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_streaming',
    'housing',
    'censo2020_iter',
    [v('iter.VPH_SPMVPI')],
    DWELLINGS_DEN,
    `${ITER} (VPH_SPMVPI) / {den}`,
  ),
  {
    ...count('total_dwellings', 'housing', 'censo2020_iter', 'iter.VIVTOT', `${ITER} (VIVTOT)`),
    unit: 'dwellings',
  },
  pct(
    'pct_dwellings_not_occupied',
    'housing',
    'censo2020_iter',
    [v('iter.VIVTOT'), v('ageeml.TVIVHAB', { sign: -1 })],
    [v('iter.VIVTOT')],
    `${ITER} ((VIVTOT − viviendas habitadas del AGEEML) / VIVTOT)`,
  ),
  {
    ...pct(
      'average_household_size',
      'social',
      'censo2020_iter',
      [v('iter.POBHOG')],
      [v('iter.TOTHOG')],
      `${ITER} (POBHOG / TOTHOG)`,
    ),
    unit: 'people_per_household',
    scale: 1,
    decimals: 2,
  },
  { ...count('population_in_households', 'social', 'censo2020_iter', 'iter.POBHOG', `${ITER} (POBHOG)`) },
  {
    ...count('female_headed_households', 'social', 'censo2020_iter', 'iter.HOGJEF_F', `${ITER} (HOGJEF_F)`),
    unit: 'households',
  },
  {
    ...count(
      'population_in_female_headed_households',
      'social',
      'censo2020_iter',
      'iter.PHOGJEF_F',
      `${ITER} (PHOGJEF_F)`,
    ),
  },
  pct(
    'pct_population_in_female_headed_households',
    'social',
    'censo2020_iter',
    [v('iter.PHOGJEF_F')],
    [v('iter.POBHOG')],
    `${ITER} (PHOGJEF_F / POBHOG)`,
  ),
  {
    ...count(
      'population_lived_other_state_2015',
      'social',
      'censo2020_iter',
      'iter.PRESOE15',
      `${ITER} (PRESOE15)`,
    ),
  },
  { ...count('population_born_other_state', 'social', 'censo2020_iter', 'iter.PNACOE', `${ITER} (PNACOE)`) },
  { ...count('women_born_other_state', 'social', 'censo2020_iter', 'iter.PNACOE_F', `${ITER} (PNACOE_F)`) },
  { ...count('population_imss', 'health', 'censo2020_iter', 'iter.PDER_IMSS', `${ITER} (PDER_IMSS)`) },
  {
    ...count(
      'population_seguro_popular_insabi',
      'health',
      'censo2020_iter',
      'iter.PDER_SEGP',
      `${ITER} (PDER_SEGP)`,
    ),
  },
  pct(
    'pct_seguro_popular_insabi',
    'health',
    'censo2020_iter',
    [v('iter.PDER_SEGP')],
    POP_2020,
    `${ITER} (PDER_SEGP / POBTOT)`,
  ),
  {
    ...count(
      'population_private_insurance',
      'health',
      'censo2020_iter',
      'iter.PAFIL_IPRIV',
      `${ITER} (PAFIL_IPRIV)`,
    ),
  },
  pct(
    'pct_private_insurance',
    'health',
    'censo2020_iter',
    [v('iter.PAFIL_IPRIV')],
    POP_2020,
    `${ITER} (PAFIL_IPRIV / POBTOT)`,
  ),
  { ...count('catholic_population', 'social', 'censo2020_iter', 'iter.PCATOLICA', `${ITER} (PCATOLICA)`) },
  {
    ...count(
      'protestant_evangelical_population',
      'social',
      'censo2020_iter',
      'iter.PRO_CRIEVA',
      `${ITER} (PRO_CRIEVA)`,
    ),
  },
  pct(
    'pct_protestant_evangelical',
    'social',
    'censo2020_iter',
    [v('iter.PRO_CRIEVA')],
    POP_2020,
    `${ITER} (PRO_CRIEVA / POBTOT)`,
  ),
  {
    ...count(
      'other_religions_population',
      'social',
      'censo2020_iter',
      'iter.POTRAS_REL',
      `${ITER} (POTRAS_REL)`,
    ),
  },
  pct(
    'pct_other_religions',
    'social',
    'censo2020_iter',
    [v('iter.POTRAS_REL')],
    POP_2020,
    `${ITER} (POTRAS_REL / POBTOT)`,
  ),
  {
    ...count('no_religion_population', 'social', 'censo2020_iter', 'iter.PSIN_RELIG', `${ITER} (PSIN_RELIG)`),
  },
  pct(
    'pct_no_religion',
    'social',
    'censo2020_iter',
    [v('iter.PSIN_RELIG')],
    POP_2020,
    `${ITER} (PSIN_RELIG / POBTOT)`,
  ),
  { ...count('employed_women', 'economy', 'censo2020_iter', 'iter.POCUPADA_F', `${ITER} (POCUPADA_F)`) },
  { ...count('employed_men', 'economy', 'censo2020_iter', 'iter.POCUPADA_M', `${ITER} (POCUPADA_M)`) },
  count(
    'economically_active_population',
    'economy',
    'censo2020_iter',
    'iter.POCUPADA',
    `${ITER} (POCUPADA + PDESOCUP)`,
    { numerator: [v('iter.POCUPADA'), v('iter.PDESOCUP')] },
  ),
  pct(
    'economic_participation_rate',
    'economy',
    'censo2020_iter',
    [v('iter.POCUPADA'), v('iter.PDESOCUP')],
    [v('iter.POCUPADA'), v('iter.PDESOCUP'), v('iter.PE_INAC')],
    `${ITER} ((POCUPADA + PDESOCUP) / (POCUPADA + PDESOCUP + PE_INAC))`,
  ),
  count(
    'population_15plus',
    'age',
    'censo2020_iter',
    'iter.POBTOT',
    `${ITER} (POBTOT − P_0A2 − P_3A5 − P_6A11 − P_12A14)`,
    { numerator: POP_15_PLUS },
  ),
  pct('pct_15_64', 'age', 'censo2020_iter', [v('iter.POB15_64')], POP_2020, `${ITER} (POB15_64 / POBTOT)`),
  composite('pct_dwellings_no_toilet_drainage', 'imm.OVSDE', 'percent', 1, `${IMM} (OVSDE)`, {
    topic: 'housing',
  }),
  composite('pct_dwellings_no_electricity', 'imm.OVSEE', 'percent', 1, `${IMM} (OVSEE)`, {
    topic: 'housing',
  }),
  composite('pct_dwellings_no_piped_water', 'imm.OVSAE', 'percent', 1, `${IMM} (OVSAE)`, {
    topic: 'housing',
  }),
  composite('pct_dwellings_dirt_floor', 'imm.OVPT', 'percent', 1, `${IMM} (OVPT)`, { topic: 'housing' }),
  composite('pct_dwellings_overcrowded', 'imm.VHAC', 'percent', 1, `${IMM} (VHAC)`, { topic: 'housing' }),
  composite('pct_population_small_localities', 'imm.PL.5000', 'percent', 1, `${IMM} (PL.5000)`, {
    topic: 'population',
  }),
  count(
    'population_projection_female',
    'population',
    'conapo_projections_mun',
    'proj.mujeres',
    'CONAPO, Proyecciones de la población de los municipios de México 2015–2030 (edición 2019), población a mitad de año (mujeres)',
    { years: [2015, 2020, 2025, 2030] },
  ),
  count(
    'population_projection_state_female',
    'demography',
    'conapo_projections_state',
    'projstate.pob_mid_year_mujeres',
    'CONAPO, Conciliación demográfica 1950–2019 y Proyecciones 2020–2070 (2023), población a mitad de año (mujeres)',
    { years: CONAPO_STATE_YEARS, levels: STATE_ONLY },
  ),
  stateModel(
    'life_expectancy_female',
    'conapo_life_expectancy',
    'ev.mujeres',
    'years',
    1,
    'Esperanza de vida al nacimiento 1950–2070 (EV, mujeres)',
  ),
  count(
    'population_projection_male',
    'population',
    'conapo_projections_mun',
    'proj.hombres',
    'CONAPO, Proyecciones de la población de los municipios de México 2015–2030 (edición 2019), población a mitad de año (hombres)',
    { years: [2015, 2020, 2025, 2030] },
  ),
  count(
    'population_projection_state_male',
    'demography',
    'conapo_projections_state',
    'projstate.pob_mid_year_hombres',
    'CONAPO, Conciliación demográfica 1950–2019 y Proyecciones 2020–2070 (2023), población a mitad de año (hombres)',
    { years: CONAPO_STATE_YEARS, levels: STATE_ONLY },
  ),
  stateModel(
    'life_expectancy_male',
    'conapo_life_expectancy',
    'ev.hombres',
    'years',
    1,
    'Esperanza de vida al nacimiento 1950–2070 (EV, hombres)',
  ),
  stateModel(
    'births',
    'conapo_demographic_indicators',
    'demo.NAC',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (NAC)',
  ),
  stateModel(
    'deaths',
    'conapo_demographic_indicators',
    'demo.DEF',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (DEF)',
  ),
  stateModel(
    'crude_birth_rate',
    'conapo_demographic_indicators',
    'demo.T_BRU_NAT',
    'per_1000_people',
    2,
    'Indicadores demográficos 1950–2070 (T_BRU_NAT)',
  ),
  stateModel(
    'crude_death_rate',
    'conapo_demographic_indicators',
    'demo.T_BRU_MOR',
    'per_1000_people',
    2,
    'Indicadores demográficos 1950–2070 (T_BRU_MOR)',
  ),
  stateModel(
    'adolescent_fertility_rate',
    'conapo_demographic_indicators',
    'demo.TEF_ADO',
    'per_1000_women',
    2,
    'Indicadores demográficos 1950–2070 (TEF_ADO)',
  ),
  stateModel(
    'dependency_ratio',
    'conapo_demographic_indicators',
    'demo.RAZ_DEP',
    'per_100_people',
    1,
    'Indicadores demográficos 1950–2070 (RAZ_DEP)',
  ),
  stateModel(
    'dependency_ratio_child',
    'conapo_demographic_indicators',
    'demo.RAZ_DEP_INF',
    'per_100_people',
    1,
    'Indicadores demográficos 1950–2070 (RAZ_DEP_INF)',
  ),
  stateModel(
    'dependency_ratio_old_age',
    'conapo_demographic_indicators',
    'demo.RAZ_DEP_ADU',
    'per_100_people',
    1,
    'Indicadores demográficos 1950–2070 (RAZ_DEP_ADU)',
  ),
  stateModel(
    'ageing_index',
    'conapo_demographic_indicators',
    'demo.IND_ENV',
    'per_100_people',
    1,
    'Indicadores demográficos 1950–2070 (IND_ENV)',
  ),
  stateModel(
    'median_age',
    'conapo_demographic_indicators',
    'demo.EDAD_MED',
    'years',
    0,
    'Indicadores demográficos 1950–2070 (EDAD_MED)',
  ),
  stateModel(
    'net_interstate_migration',
    'conapo_demographic_indicators',
    'demo.MIG_NET_EST',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (MIG_NET_EST)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'net_international_migration',
    'conapo_demographic_indicators',
    'demo.MIG_NET_INT',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (MIG_NET_INT)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'natural_growth_rate',
    'conapo_demographic_indicators',
    'demo.T_CRE_NAT',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_CRE_NAT)',
  ),
  stateModel(
    'total_growth_rate',
    'conapo_demographic_indicators',
    'demo.T_CRE_TOT',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_CRE_TOT)',
  ),
  {
    id: 'area_km2',
    topic: 'population',
    unit: 'km2',
    aggregation: 'sum',
    dataset: 'mg2025_boundaries',
    years: [BOUNDARIES_YEAR],
    levels: ALL,
    numerator: [v('mg.AREA_KM2')],
    decimals: 2,
    sourceTable: BOUNDARIES_TABLE,
  },
  {
    id: 'population_density',
    topic: 'population',
    unit: 'people_per_km2',
    aggregation: 'ratio',
    dataset: 'mg2025_boundaries',
    years: Y2020,
    levels: ALL,
    // The 2020 count over the surface of the same territory (no municipal change 2020–2025).
    numerator: [v('series.pob_total')],
    denominator: [v('mg.AREA_KM2', { yearShift: BOUNDARIES_YEAR - 2020 })],
    scale: 1,
    decimals: 1,
    sourceTable: `INEGI, Censo de Población y Vivienda 2020 (población total) / ${BOUNDARIES_TABLE}`,
  },
  stateModel(
    'interstate_immigration',
    'conapo_demographic_indicators',
    'demo.INM_EST',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (INM_EST)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'interstate_emigration',
    'conapo_demographic_indicators',
    'demo.EMI_EST',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (EMI_EST)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'international_immigration',
    'conapo_demographic_indicators',
    'demo.INM_INT',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (INM_INT)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'international_emigration',
    'conapo_demographic_indicators',
    'demo.EMI_INT',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (EMI_INT)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'net_migration',
    'conapo_demographic_indicators',
    'demo.CRE_SOC',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (CRE_SOC)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'natural_increase',
    'conapo_demographic_indicators',
    'demo.CRE_NAT',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (CRE_NAT)',
    CONAPO_STATE_YEARS,
  ),
  stateModel(
    'total_increase',
    'conapo_demographic_indicators',
    'demo.CRE_TOT',
    'people',
    0,
    'Indicadores demográficos 1950–2070 (CRE_TOT)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'interstate_immigration_rate',
    'conapo_demographic_indicators',
    'demo.T_INM_EST',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_INM_EST)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'interstate_emigration_rate',
    'conapo_demographic_indicators',
    'demo.T_EMI_EST',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_EMI_EST)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'net_interstate_migration_rate',
    'conapo_demographic_indicators',
    'demo.T_MIG_NET_EST',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_MIG_NET_EST)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'net_international_migration_rate',
    'conapo_demographic_indicators',
    'demo.T_MIG_NET_INT',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_MIG_NET_INT)',
    MIGRATION_YEARS,
  ),
  stateModel(
    'net_migration_rate',
    'conapo_demographic_indicators',
    'demo.T_CRE_SOC',
    'percent',
    2,
    'Indicadores demográficos 1950–2070 (T_CRE_SOC)',
    MIGRATION_YEARS,
  ),
];

export const INDICATOR_BY_ID: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((i) => [i.id, i]));

export function findIndicator(id: string): IndicatorDef | undefined {
  return INDICATOR_BY_ID.get(id);
}

export const indicatorNameKey = (id: string) => `stats.ind.${id}.name`;
export const indicatorDefinitionKey = (id: string) => `stats.ind.${id}.def`;
// Literal template types, so a topic or unit without its catalog message fails the typecheck where
// the key is translated.
export const topicKey = (id: TopicId) => `stats.topic.${id}` as const;
export const unitKey = (unit: Unit) => `stats.unit.${unit}` as const;

/** The year used when a request names none: the latest the indicator has. */
export function defaultYear(def: IndicatorDef): number {
  return def.years.at(-1)!;
}
