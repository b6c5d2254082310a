import type { DatasetId } from '../domain/indicators.ts';

/**
 * The official datasets, as cited in answers (titles: OFFICIAL_DATASET_TITLES).
 * `files` are the file names the importer looks for in the data directory, first match wins
 * (the full official file before a staged subset).
 */
export type DatasetSpec = { id: DatasetId; title: string; source: string; edition: string; files: string[] };

/**
 * The publications' official titles, exactly as INEGI and CONAPO publish them (in Spanish). They are
 * cited as source names in answers, documents and the API, so they are data, not interface text:
 * they are not translated (an English title would name a publication that does not exist).
 */
export const OFFICIAL_DATASET_TITLES: Record<DatasetId, string> = {
  ageeml_mun:
    'Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades (AGEEML), nivel municipal',
  censo2020_iter: 'Censo de Población y Vivienda 2020, Principales resultados por localidad (ITER)',
  population_series:
    'Población total por municipio: Censos 1990, 2000, 2010 y 2020, Conteos 1995 y 2005, Encuesta Intercensal 2015',
  eic2015_age_sex: 'Encuesta Intercensal 2015, población por municipio, grupo quinquenal de edad y sexo',
  censo2020_afro_indigenous:
    'Censo de Población y Vivienda 2020, tabulados: autoadscripción afromexicana y hablantes de lengua indígena',
  conapo_imm: 'Índice de Marginación por Municipio',
  conapo_ime: 'Índice de Marginación por Entidad Federativa',
  conapo_imu_ageb: 'Índice de Marginación Urbana por AGEB',
  conapo_projections_mun: 'Proyecciones de la población de los municipios de México 2015–2030',
  conapo_projections_state:
    'Conciliación demográfica de México 1950–2019 y Proyecciones de la población 2020–2070',
  conapo_demographic_indicators:
    'Indicadores demográficos 1950–2070 (Conciliación demográfica y Proyecciones 2023)',
  conapo_life_expectancy:
    'Esperanza de vida al nacimiento 1950–2070 (Conciliación demográfica y Proyecciones 2023)',
  mg2025_boundaries: 'Marco Geoestadístico, límites municipales (simplificados)',
};

export const DATASETS: Record<DatasetId, DatasetSpec> = {
  ageeml_mun: {
    id: 'ageeml_mun',
    title: OFFICIAL_DATASET_TITLES.ageeml_mun,
    source: 'INEGI',
    edition: 'Censo 2020',
    files: ['inegi_ageeml_municipios_edomex.csv'],
  },
  censo2020_iter: {
    id: 'censo2020_iter',
    title: OFFICIAL_DATASET_TITLES.censo2020_iter,
    source: 'INEGI',
    edition: '2020',
    files: [
      'conjunto_de_datos_iter_15CSV20.csv',
      'ITER_15CSV20.csv',
      'censo2020_iter_municipal_subset_edomex.csv',
    ],
  },
  population_series: {
    id: 'population_series',
    title: OFFICIAL_DATASET_TITLES.population_series,
    source: 'INEGI',
    edition: '1990–2020',
    files: ['inegi_poblacion_municipal_1990_2020_edomex.csv'],
  },
  eic2015_age_sex: {
    id: 'eic2015_age_sex',
    title: OFFICIAL_DATASET_TITLES.eic2015_age_sex,
    source: 'INEGI',
    edition: '2015',
    files: ['inegi_eic2015_poblacion_municipio_edad_sexo_edomex.csv'],
  },
  censo2020_afro_indigenous: {
    id: 'censo2020_afro_indigenous',
    title: OFFICIAL_DATASET_TITLES.censo2020_afro_indigenous,
    source: 'INEGI',
    edition: '2020',
    files: ['inegi_censo2020_afro_lengua_indigena_municipal_edomex.csv'],
  },
  conapo_imm: {
    id: 'conapo_imm',
    title: OFFICIAL_DATASET_TITLES.conapo_imm,
    source: 'CONAPO',
    edition: '2010, 2015, 2020',
    files: ['conapo_imm_2010_edomex.csv', 'conapo_imm_2015_edomex.csv', 'conapo_imm_2020_edomex.csv'],
  },
  conapo_ime: {
    id: 'conapo_ime',
    title: OFFICIAL_DATASET_TITLES.conapo_ime,
    source: 'CONAPO',
    edition: '2020',
    files: ['conapo_ime_2020_entidades.csv'],
  },
  conapo_imu_ageb: {
    id: 'conapo_imu_ageb',
    title: OFFICIAL_DATASET_TITLES.conapo_imu_ageb,
    source: 'CONAPO',
    edition: '2020',
    files: ['conapo_imu_2020_agebs_urbanas_edomex.csv'],
  },
  conapo_projections_mun: {
    id: 'conapo_projections_mun',
    title: OFFICIAL_DATASET_TITLES.conapo_projections_mun,
    source: 'CONAPO',
    edition: '2019 (actualización 02-09-2019)',
    files: ['conapo_proyecciones_mun_2015_2030_edomex.csv'],
  },
  conapo_projections_state: {
    id: 'conapo_projections_state',
    title: OFFICIAL_DATASET_TITLES.conapo_projections_state,
    source: 'CONAPO',
    edition: '2023',
    files: ['conapo_proyecciones_ent_1950_2070_edomex_nacional.csv'],
  },
  conapo_demographic_indicators: {
    id: 'conapo_demographic_indicators',
    title: OFFICIAL_DATASET_TITLES.conapo_demographic_indicators,
    source: 'CONAPO',
    edition: '2023',
    files: ['conapo_indicadores_demograficos_1950_2070_edomex_nacional.csv'],
  },
  conapo_life_expectancy: {
    id: 'conapo_life_expectancy',
    title: OFFICIAL_DATASET_TITLES.conapo_life_expectancy,
    source: 'CONAPO',
    edition: '2023',
    files: ['conapo_esperanza_vida_1950_2070_edomex_nacional.csv'],
  },
  mg2025_boundaries: {
    id: 'mg2025_boundaries',
    title: OFFICIAL_DATASET_TITLES.mg2025_boundaries,
    source: 'INEGI',
    edition: '2025',
    files: ['edomex_municipios_mg2025_simplificado.geojson'],
  },
};
