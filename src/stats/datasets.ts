import type { DatasetId } from '../domain/indicators.ts';

/**
 * The official datasets, as cited in answers. Titles are the publications' own names (not UI text).
 * `files` are the file names the importer looks for in the data directory, first match wins
 * (the full official file before a staged subset).
 */
export type DatasetSpec = { id: DatasetId; title: string; source: string; edition: string; files: string[] };

export const DATASETS: Record<DatasetId, DatasetSpec> = {
  ageeml_mun: {
    id: 'ageeml_mun',
    title:
      'Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades (AGEEML), nivel municipal',
    source: 'INEGI',
    edition: 'Censo 2020',
    files: ['inegi_ageeml_municipios_edomex.csv'],
  },
  censo2020_iter: {
    id: 'censo2020_iter',
    title: 'Censo de Población y Vivienda 2020, Principales resultados por localidad (ITER)',
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
    title:
      'Población total por municipio: Censos 1990, 2000, 2010 y 2020, Conteos 1995 y 2005, Encuesta Intercensal 2015',
    source: 'INEGI',
    edition: '1990–2020',
    files: ['inegi_poblacion_municipal_1990_2020_edomex.csv'],
  },
  eic2015_age_sex: {
    id: 'eic2015_age_sex',
    title: 'Encuesta Intercensal 2015, población por municipio, grupo quinquenal de edad y sexo',
    source: 'INEGI',
    edition: '2015',
    files: ['inegi_eic2015_poblacion_municipio_edad_sexo_edomex.csv'],
  },
  censo2020_afro_indigenous: {
    id: 'censo2020_afro_indigenous',
    title:
      'Censo de Población y Vivienda 2020, tabulados: autoadscripción afromexicana y hablantes de lengua indígena',
    source: 'INEGI',
    edition: '2020',
    files: ['inegi_censo2020_afro_lengua_indigena_municipal_edomex.csv'],
  },
  conapo_imm: {
    id: 'conapo_imm',
    title: 'Índice de Marginación por Municipio',
    source: 'CONAPO',
    edition: '2010, 2015, 2020',
    files: ['conapo_imm_2010_edomex.csv', 'conapo_imm_2015_edomex.csv', 'conapo_imm_2020_edomex.csv'],
  },
  conapo_ime: {
    id: 'conapo_ime',
    title: 'Índice de Marginación por Entidad Federativa',
    source: 'CONAPO',
    edition: '2020',
    files: ['conapo_ime_2020_entidades.csv'],
  },
  conapo_imu_ageb: {
    id: 'conapo_imu_ageb',
    title: 'Índice de Marginación Urbana por AGEB',
    source: 'CONAPO',
    edition: '2020',
    files: ['conapo_imu_2020_agebs_urbanas_edomex.csv'],
  },
  conapo_projections_mun: {
    id: 'conapo_projections_mun',
    title: 'Proyecciones de la población de los municipios de México 2015–2030',
    source: 'CONAPO',
    edition: '2019 (actualización 02-09-2019)',
    files: ['conapo_proyecciones_mun_2015_2030_edomex.csv'],
  },
  conapo_projections_state: {
    id: 'conapo_projections_state',
    title: 'Conciliación demográfica de México 1950–2019 y Proyecciones de la población 2020–2070',
    source: 'CONAPO',
    edition: '2023',
    files: ['conapo_proyecciones_ent_1950_2070_edomex_nacional.csv'],
  },
  conapo_demographic_indicators: {
    id: 'conapo_demographic_indicators',
    title: 'Indicadores demográficos 1950–2070 (Conciliación demográfica y Proyecciones 2023)',
    source: 'CONAPO',
    edition: '2023',
    files: ['conapo_indicadores_demograficos_1950_2070_edomex_nacional.csv'],
  },
  conapo_life_expectancy: {
    id: 'conapo_life_expectancy',
    title: 'Esperanza de vida al nacimiento 1950–2070 (Conciliación demográfica y Proyecciones 2023)',
    source: 'CONAPO',
    edition: '2023',
    files: ['conapo_esperanza_vida_1950_2070_edomex_nacional.csv'],
  },
  mg2025_boundaries: {
    id: 'mg2025_boundaries',
    title: 'Marco Geoestadístico, límites municipales (simplificados)',
    source: 'INEGI',
    edition: '2025',
    files: ['edomex_municipios_mg2025_simplificado.geojson'],
  },
};
