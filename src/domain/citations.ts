/**
 * How a figure's sources are cited in the documents a requester receives: one publication per
 * dataset (and, for series and editions, per year), with the variables read from it in the words its
 * publisher uses, never the column codes. Publication titles and variable names are the publishers'
 * own (in Spanish): data, not interface text, so they are not translated.
 */
import type { DatasetId, IndicatorDef, Term } from './indicators.ts';

export type Publication = {
  /** Dedupes citations: the dataset, and the year where each year is its own publication. */
  key: string;
  institution: string;
  title: string;
  /** Year (or date) of release, when known. */
  released?: string;
  /** What part of the publication is read (e.g. the municipal totals). */
  scope?: string;
  url?: string;
};

const INEGI = 'Instituto Nacional de Estadística y Geografía (INEGI)';
const CONAPO = 'Consejo Nacional de Población (CONAPO)';
const CENSUS_2020_URL = 'https://www.inegi.org.mx/programas/ccpv/2020/';
const MARGINATION_URL =
  'https://datos.gob.mx/busca/dataset/indice-de-marginacion-carencias-poblacionales-por-localidad-municipio-y-entidad';
const CONAPO_2023_URL =
  'https://www.gob.mx/conapo/documentos/bases-de-datos-de-la-conciliacion-demografica-1950-a-2019-y-proyecciones-de-la-poblacion-de-mexico-2020-a-2070';
const CONAPO_2023 =
  'Conciliación demográfica de México 1950–2019 y Proyecciones de la población de México 2020–2070';

/** The count each year of the population series comes from. */
const SERIES_SOURCES: Readonly<Record<number, { title: string; url: string }>> = {
  1990: {
    title: 'XI Censo General de Población y Vivienda 1990',
    url: 'https://www.inegi.org.mx/programas/ccpv/1990/',
  },
  1995: {
    title: 'Conteo de Población y Vivienda 1995',
    url: 'https://www.inegi.org.mx/programas/ccpv/1995/',
  },
  2000: {
    title: 'XII Censo General de Población y Vivienda 2000',
    url: 'https://www.inegi.org.mx/programas/ccpv/2000/',
  },
  2005: {
    title: 'II Conteo de Población y Vivienda 2005',
    url: 'https://www.inegi.org.mx/programas/ccpv/2005/',
  },
  2010: { title: 'Censo de Población y Vivienda 2010', url: 'https://www.inegi.org.mx/programas/ccpv/2010/' },
  2015: { title: 'Encuesta Intercensal 2015', url: 'https://www.inegi.org.mx/programas/intercensal/2015/' },
  2020: { title: 'Censo de Población y Vivienda 2020', url: CENSUS_2020_URL },
};

/** The publication a dataset's figure for `year` comes from (none for a dataset the catalog does not know). */
export function publicationOf(dataset: DatasetId, year: number): Publication | undefined {
  switch (dataset) {
    case 'censo2020_iter':
      return {
        key: dataset,
        institution: INEGI,
        title:
          'Censo de Población y Vivienda 2020. Principales resultados por localidad (ITER), Estado de México',
        released: '2021',
        scope: 'totales municipales',
        url: 'https://www.inegi.org.mx/contenidos/programas/ccpv/2020/datosabiertos/iter/iter_15_cpv2020_csv.zip',
      };
    case 'ageeml_mun':
      return {
        key: dataset,
        institution: INEGI,
        title: 'Catálogo Único de Claves de Áreas Geoestadísticas Estatales, Municipales y Localidades',
        scope: 'municipios del Estado de México, con las cifras del Censo de Población y Vivienda 2020',
        url: 'https://www.inegi.org.mx/app/ageeml/',
      };
    case 'population_series': {
      const s = SERIES_SOURCES[year];
      return {
        key: `${dataset}:${year}`,
        institution: INEGI,
        title: s?.title ?? `Censos y conteos de población, ${year}`,
        scope:
          year === 2015 ? 'población por municipio (estimación por muestreo)' : 'población por municipio',
        ...(s ? { url: s.url } : {}),
      };
    }
    case 'eic2015_age_sex':
      return {
        key: dataset,
        institution: INEGI,
        title: 'Encuesta Intercensal 2015. Tabulados básicos, Estado de México',
        released: '2015',
        scope: 'población por municipio, grupo quinquenal de edad y sexo (estimador puntual)',
        url: SERIES_SOURCES[2015]!.url,
      };
    case 'censo2020_afro_indigenous':
      return {
        key: dataset,
        institution: INEGI,
        title: 'Censo de Población y Vivienda 2020. Tabulados del cuestionario básico',
        released: '2021',
        scope: 'etnicidad, por municipio',
        url: CENSUS_2020_URL,
      };
    case 'conapo_imm':
      return {
        key: `${dataset}:${year}`,
        institution: CONAPO,
        title: `Índice de marginación por municipio ${year}`,
        url: MARGINATION_URL,
      };
    case 'conapo_ime':
      return {
        key: `${dataset}:${year}`,
        institution: CONAPO,
        title: `Índice de marginación por entidad federativa ${year}`,
        url: MARGINATION_URL,
      };
    case 'conapo_imu_ageb':
      return {
        key: dataset,
        institution: CONAPO,
        title: 'Índice de marginación urbana 2020',
        scope: 'áreas geoestadísticas básicas (AGEB) urbanas',
        url: MARGINATION_URL,
      };
    case 'conapo_projections_mun':
      return {
        key: dataset,
        institution: CONAPO,
        title: 'Proyecciones de la población de los municipios de México 2015–2030',
        released: '2019 (actualización del 2 de septiembre de 2019)',
        scope: 'población a mitad de año',
      };
    case 'conapo_projections_state':
      return {
        key: dataset,
        institution: CONAPO,
        title: CONAPO_2023,
        released: '2023',
        scope: 'población por entidad federativa',
        url: CONAPO_2023_URL,
      };
    case 'conapo_demographic_indicators':
      return {
        key: dataset,
        institution: CONAPO,
        title: `${CONAPO_2023}. Indicadores demográficos`,
        released: '2023',
        url: CONAPO_2023_URL,
      };
    case 'conapo_life_expectancy':
      return {
        key: dataset,
        institution: CONAPO,
        title: `${CONAPO_2023}. Esperanza de vida al nacimiento`,
        released: '2023',
        url: CONAPO_2023_URL,
      };
    case 'mg2025_boundaries':
      return {
        key: dataset,
        institution: INEGI,
        title: 'Marco Geoestadístico 2025, límites municipales',
        url: 'https://www.inegi.org.mx/temas/mg/',
      };
    default:
      return undefined;
  }
}

/**
 * Every stored variable the catalog reads, named as its publisher names it (INEGI's census data
 * dictionary, CONAPO's index and projection tables).
 */
export const VARIABLE_LABELS: Readonly<Record<string, string>> = {
  'iter.POBTOT': 'Población total',
  'iter.P_0A2': 'Población de 0 a 2 años',
  'iter.P_3A5': 'Población de 3 a 5 años',
  'iter.P_6A11': 'Población de 6 a 11 años',
  'iter.P_12A14': 'Población de 12 a 14 años',
  'iter.P_15A17': 'Población de 15 a 17 años',
  'iter.POB15_64': 'Población de 15 a 64 años',
  'iter.P_60YMAS': 'Población de 60 años y más',
  'iter.PNACOE': 'Población nacida en otra entidad',
  'iter.PNACOE_F': 'Población femenina nacida en otra entidad',
  'iter.PRESOE15': 'Población de 5 años y más residente en otra entidad en marzo de 2015',
  'iter.PCON_DISC': 'Población con discapacidad',
  'iter.P15YM_AN': 'Población de 15 años y más analfabeta',
  'iter.PE_INAC': 'Población de 12 años y más no económicamente activa',
  'iter.POCUPADA': 'Población de 12 años y más ocupada',
  'iter.POCUPADA_F': 'Población femenina de 12 años y más ocupada',
  'iter.POCUPADA_M': 'Población masculina de 12 años y más ocupada',
  'iter.PDESOCUP': 'Población de 12 años y más desocupada',
  'iter.PSINDER': 'Población sin afiliación a servicios de salud',
  'iter.PDER_IMSS': 'Población afiliada a servicios de salud en el IMSS',
  'iter.PDER_SEGP': 'Población afiliada a servicios de salud en el Instituto de Salud para el Bienestar',
  'iter.PAFIL_IPRIV': 'Población afiliada a servicios de salud en una institución privada',
  'iter.PCATOLICA': 'Población con religión católica',
  'iter.PRO_CRIEVA': 'Población con grupo religioso protestante/cristiano evangélico',
  'iter.POTRAS_REL': 'Población con otras religiones diferentes a las anteriores',
  'iter.PSIN_RELIG': 'Población sin religión o sin adscripción religiosa',
  'iter.TOTHOG': 'Total de hogares censales',
  'iter.HOGJEF_F': 'Hogares censales con persona de referencia mujer',
  'iter.POBHOG': 'Población en hogares censales',
  'iter.PHOGJEF_F': 'Población en hogares censales con persona de referencia mujer',
  'iter.VIVTOT': 'Total de viviendas',
  'iter.TVIVPARHAB': 'Total de viviendas particulares habitadas',
  'iter.VPH_1DOR': 'Viviendas particulares habitadas con un dormitorio',
  'iter.VPH_C_ELEC': 'Viviendas particulares habitadas que disponen de energía eléctrica',
  'iter.VPH_AGUADV':
    'Viviendas particulares habitadas que disponen de agua entubada en el ámbito de la vivienda',
  'iter.VPH_TINACO': 'Viviendas particulares habitadas que disponen de tinaco',
  'iter.VPH_CISTER': 'Viviendas particulares habitadas que disponen de cisterna o aljibe',
  'iter.VPH_EXCSA': 'Viviendas particulares habitadas que disponen de excusado o sanitario',
  'iter.VPH_DRENAJ': 'Viviendas particulares habitadas que disponen de drenaje',
  'iter.VPH_REFRI': 'Viviendas particulares habitadas que disponen de refrigerador',
  'iter.VPH_LAVAD': 'Viviendas particulares habitadas que disponen de lavadora',
  'iter.VPH_BICI': 'Viviendas particulares habitadas que disponen de bicicleta como medio de transporte',
  'iter.VPH_TV': 'Viviendas particulares habitadas que disponen de televisor',
  'iter.VPH_PC': 'Viviendas particulares habitadas que disponen de computadora, laptop o tablet',
  'iter.VPH_CEL': 'Viviendas particulares habitadas que disponen de teléfono celular',
  'iter.VPH_INTER': 'Viviendas particulares habitadas que disponen de Internet',
  'iter.VPH_SPMVPI':
    'Viviendas particulares habitadas que disponen de servicio de películas, música o videos de paga por Internet',
  'ageeml.TVIVHAB': 'Total de viviendas habitadas',
  'series.pob_total': 'Población total',
  'series.mujeres': 'Población femenina',
  'series.hombres': 'Población masculina',
  'afro.pob_total': 'Población total',
  'afro.pob_3ymas': 'Población de 3 años y más',
  'afro.pob_3ymas_habla_lengua_indigena': 'Población de 3 años y más que habla alguna lengua indígena',
  'afro.pob_afromexicana': 'Población que se considera afromexicana o afrodescendiente',
  'imm.IM': 'Índice de marginación',
  'imm.GM': 'Grado de marginación',
  'imm.IMN': 'Índice de marginación normalizado',
  'imm.ANALF': 'Porcentaje de población de 15 años o más analfabeta',
  'imm.SBASC': 'Porcentaje de población de 15 años o más sin educación básica',
  'imm.OVSDE': 'Porcentaje de ocupantes en viviendas particulares sin drenaje ni excusado',
  'imm.OVSEE': 'Porcentaje de ocupantes en viviendas particulares sin energía eléctrica',
  'imm.OVSAE': 'Porcentaje de ocupantes en viviendas particulares sin agua entubada',
  'imm.OVPT': 'Porcentaje de ocupantes en viviendas particulares con piso de tierra',
  'imm.VHAC': 'Porcentaje de viviendas particulares con hacinamiento',
  'imm.PL.5000': 'Porcentaje de población que vive en localidades menores a 5 000 habitantes',
  'imm.PO2SM': 'Porcentaje de población ocupada con ingresos menores a 2 salarios mínimos',
  'imu.POB_TOTAL': 'Población total de las AGEB urbanas con índice',
  'imu.IM': 'Índice de marginación urbana',
  'imu.GM': 'Grado de marginación urbana',
  'imu.POB_HIGH': 'Población de las AGEB urbanas con grado de marginación alto o muy alto',
  'proj.total': 'Población a mitad de año',
  'proj.mujeres': 'Población femenina a mitad de año',
  'proj.hombres': 'Población masculina a mitad de año',
  'projstate.pob_mid_year': 'Población a mitad de año',
  'projstate.pob_mid_year_mujeres': 'Población femenina a mitad de año',
  'projstate.pob_mid_year_hombres': 'Población masculina a mitad de año',
  'demo.NAC': 'Nacimientos',
  'demo.DEF': 'Defunciones',
  'demo.TGF': 'Tasa global de fecundidad',
  'demo.TMI': 'Tasa de mortalidad infantil',
  'demo.TEF_ADO': 'Tasa específica de fecundidad adolescente',
  'demo.T_BRU_NAT': 'Tasa bruta de natalidad',
  'demo.T_BRU_MOR': 'Tasa bruta de mortalidad',
  'demo.T_CRE_NAT': 'Tasa de crecimiento natural',
  'demo.T_CRE_TOT': 'Tasa de crecimiento total',
  'demo.RAZ_DEP': 'Razón de dependencia',
  'demo.RAZ_DEP_INF': 'Razón de dependencia infantil',
  'demo.RAZ_DEP_ADU': 'Razón de dependencia de la vejez',
  'demo.IND_ENV': 'Índice de envejecimiento',
  'demo.EDAD_MED': 'Edad mediana',
  'demo.MIG_NET_EST': 'Migración neta interestatal',
  'demo.MIG_NET_INT': 'Migración neta internacional',
  'demo.INM_EST': 'Inmigrantes interestatales',
  'demo.EMI_EST': 'Emigrantes interestatales',
  'demo.INM_INT': 'Inmigrantes internacionales',
  'demo.EMI_INT': 'Emigrantes internacionales',
  'demo.CRE_SOC': 'Crecimiento social (migración neta total)',
  'demo.CRE_NAT': 'Crecimiento natural',
  'demo.CRE_TOT': 'Crecimiento total',
  'demo.T_INM_EST': 'Tasa de inmigración interestatal',
  'demo.T_EMI_EST': 'Tasa de emigración interestatal',
  'demo.T_MIG_NET_EST': 'Tasa de migración neta interestatal',
  'demo.T_MIG_NET_INT': 'Tasa de migración neta internacional',
  'demo.T_CRE_SOC': 'Tasa de crecimiento social',
  'mg.AREA_KM2': 'Superficie del municipio en km² (calculada de sus límites)',
  'ev.total': 'Esperanza de vida al nacimiento',
  'ev.mujeres': 'Esperanza de vida al nacimiento de las mujeres',
  'ev.hombres': 'Esperanza de vida al nacimiento de los hombres',
};

/** The dataset each variable family is stored from (a family may also load from a sibling, e.g. the IME). */
const FAMILY_DATASET: Readonly<Record<string, DatasetId>> = {
  iter: 'censo2020_iter',
  ageeml: 'ageeml_mun',
  series: 'population_series',
  eic2015: 'eic2015_age_sex',
  afro: 'censo2020_afro_indigenous',
  imm: 'conapo_imm',
  imu: 'conapo_imu_ageb',
  proj: 'conapo_projections_mun',
  projstate: 'conapo_projections_state',
  demo: 'conapo_demographic_indicators',
  ev: 'conapo_life_expectancy',
  mg: 'mg2025_boundaries',
};

const familyOf = (variable: string) => variable.slice(0, variable.indexOf('.'));

/** A variable in words; an unnamed one falls back to a neutral phrase, never to its code. */
export function variableLabel(variable: string): string {
  return VARIABLE_LABELS[variable] ?? 'variable publicada por la fuente';
}

/** One publication an indicator's figure was read from, and what was read from it. */
export type CitedPart = { publication: Publication; variables: string[] };

/**
 * The publications behind one figure of `def` for `year`, each with the variables read from it.
 * `used`: the datasets the engine actually read (it may have taken a denominator's alternative, or a
 * state figure from a sibling dataset); without it, the indicator's own dataset.
 */
export function citedParts(def: IndicatorDef, year: number, used?: readonly DatasetId[]): CitedPart[] {
  const datasets = used && used.length > 0 ? used : [def.dataset];
  const primary = familyOf(firstVariable(def.numerator[0]!));
  // Which alternative a term read: a later one is read only when the earlier ones are missing, so
  // the last whose dataset was read (the preferred one when none was).
  const pick = (t: Term): string => {
    if (typeof t.variable === 'string') return t.variable;
    const read = t.variable.filter((v) => datasets.includes(FAMILY_DATASET[familyOf(v)]!));
    return read.at(-1) ?? t.variable[0]!;
  };
  const terms = [...def.numerator, ...(def.denominator ?? [])].map((t) => ({
    variable: pick(t),
    year: year + (t.yearShift ?? 0),
  }));
  const parts = new Map<string, CitedPart>();
  for (const dataset of datasets) {
    // A family stored from a sibling dataset (the IME's state figures under `imm.`) cites the sibling.
    const own = terms.filter((t) => FAMILY_DATASET[familyOf(t.variable)] === dataset);
    const mine = own.length > 0 ? own : terms.filter((t) => familyOf(t.variable) === primary);
    for (const t of mine) {
      const publication = publicationOf(dataset, t.year);
      if (!publication) continue;
      const part = parts.get(publication.key) ?? { publication, variables: [] };
      const label = def.breakdown
        ? 'Población por grupo quinquenal de edad y sexo'
        : variableLabel(t.variable);
      if (!part.variables.includes(label)) part.variables.push(label);
      parts.set(publication.key, part);
    }
  }
  return [...parts.values()];
}

function firstVariable(t: Term): string {
  return typeof t.variable === 'string' ? t.variable : t.variable[0]!;
}

/**
 * A citation as a statistician writes it: institution. Title. Release. Part read: variables. URL.
 * `variables` are those of every figure citing the publication.
 */
export function citationText(p: Publication, variables: readonly string[]): string {
  const what = variables.length > 0 ? `${variables.map((v) => `«${v}»`).join(', ')}` : '';
  const read = [p.scope ? capitalize(p.scope) : '', what].filter(Boolean).join(': ');
  return [p.institution, p.title, p.released ? `Publicado en ${p.released}` : '', read, p.url ?? '']
    .filter(Boolean)
    .map((s) => (s.endsWith('.') || s.startsWith('http') ? s : `${s}.`))
    .join(' ');
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
