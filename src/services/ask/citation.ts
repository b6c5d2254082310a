/**
 * The publication a figure comes from, as a sentence cites it: «el Censo de Población y Vivienda 2020»
 * and its publisher. Publication names are official titles (data, in Spanish in every language).
 */
import type { DatasetId } from '../../domain/indicators.ts';

export type Citation = { article: 'el' | 'la' | 'los' | 'las'; title: string; publisher: 'INEGI' | 'CONAPO' };

/** Which count of the population series a year is (INEGI's names of each event). */
const SERIES: Record<number, Citation> = {
  1990: { article: 'el', title: 'XI Censo General de Población y Vivienda 1990', publisher: 'INEGI' },
  1995: { article: 'el', title: 'Conteo de Población y Vivienda 1995', publisher: 'INEGI' },
  2000: { article: 'el', title: 'XII Censo General de Población y Vivienda 2000', publisher: 'INEGI' },
  2005: { article: 'el', title: 'II Conteo de Población y Vivienda 2005', publisher: 'INEGI' },
  2010: { article: 'el', title: 'Censo de Población y Vivienda 2010', publisher: 'INEGI' },
  2015: { article: 'la', title: 'Encuesta Intercensal 2015', publisher: 'INEGI' },
  2020: { article: 'el', title: 'Censo de Población y Vivienda 2020', publisher: 'INEGI' },
};

const CENSUS_2020: Citation = SERIES[2020]!;

export function citationOf(dataset: DatasetId, year: number): Citation {
  switch (dataset) {
    case 'population_series':
      return SERIES[year] ?? CENSUS_2020;
    case 'censo2020_iter':
    case 'censo2020_afro_indigenous':
    case 'ageeml_mun':
      return CENSUS_2020;
    case 'eic2015_age_sex':
      return SERIES[2015]!;
    case 'conapo_imm':
      return { article: 'el', title: `Índice de Marginación por Municipio ${year}`, publisher: 'CONAPO' };
    case 'conapo_ime':
      return {
        article: 'el',
        title: `Índice de Marginación por Entidad Federativa ${year}`,
        publisher: 'CONAPO',
      };
    case 'conapo_imu_ageb':
      return { article: 'el', title: `Índice de Marginación Urbana ${year}`, publisher: 'CONAPO' };
    case 'conapo_projections_mun':
      return {
        article: 'las',
        title: 'Proyecciones de la población de los municipios de México 2015–2030',
        publisher: 'CONAPO',
      };
    case 'conapo_projections_state':
    case 'conapo_demographic_indicators':
    case 'conapo_life_expectancy':
      return year <= 2019
        ? { article: 'la', title: 'Conciliación demográfica de México 1950–2019', publisher: 'CONAPO' }
        : { article: 'las', title: 'Proyecciones de la población de México 2020–2070', publisher: 'CONAPO' };
    case 'mg2025_boundaries':
      return { article: 'el', title: 'Marco Geoestadístico 2025', publisher: 'INEGI' };
  }
}
