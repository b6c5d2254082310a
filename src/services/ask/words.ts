/**
 * The question box's own words: what people call places (common short names, the other states), the
 * filler words of a question, and which words an indicator name may leave out. Indicator names and
 * their synonyms are in the message catalogs (`stats.ind.<id>.name` / `.synonyms`); official place
 * names come from the place catalog (config/geography).
 */
import type { Locale } from '../../i18n/index.ts';

/**
 * Common names of places of the State of Mexico, by geography id (an id the catalog does not have is
 * ignored). Short forms like «Ecatepec» (the official name before «de …») are derived, not listed.
 */
export const PLACE_ALIASES: Record<string, readonly string[]> = {
  'state:15': [
    'Estado de México',
    'Edo. de México',
    'Edo. Méx.',
    'Edomex',
    'Edo Mex',
    'Estado',
    'Entidad',
    'Estado mexiquense',
    'Estado de México completo',
    'State of Mexico',
    'State',
  ],
  'mun:15058': ['Neza', 'Netza', 'Ciudad Neza', 'Cd. Neza', 'Ciudad Nezahualcóyotl', 'Netzahualcóyotl'],
  'mun:15121': ['Izcalli', 'Cuautitlán Izcalli'],
  'mun:15122': ['Valle de Chalco', 'Chalco Solidaridad', 'Xico'],
  'mun:15104': ['Tlalne', 'Tlalnepantla'],
  'mun:15057': ['Naucalpan'],
  'mun:15060': ['Nico Romero', 'Ciudad Nicolás Romero'],
  'mun:15037': ['Huixqui'],
  'mun:15031': ['Chimal'],
  'mun:15106': ['Toluca de Lerdo', 'Ciudad de Toluca'],
  'mun:15070': ['Los Reyes la Paz', 'Los Reyes Acaquilpan'],
  'mun:15013': ['Ciudad López Mateos'],
  'mun:15092': ['San Juan Teotihuacán', 'Teotihuacán de Arista'],
  'mun:15101': ['Santiago Tianguistenco'],
  'mun:15021': ['Coatepec'],
  'mun:15090': ['Tenango de Arista'],
  'zm:09.01': [
    'Valle de México',
    'ZMVM',
    'Zona Metropolitana del Valle de México',
    'ZM del Valle de México',
    'ZM Valle de México',
    'zona conurbada',
  ],
  'zm:15.02': [
    'ZMT',
    'ZMVT',
    'Zona Metropolitana del Valle de Toluca',
    'ZM del Valle de Toluca',
    'Valle de Toluca',
  ],
};

/** How a kind of place is introduced, for the variants «región VI», «ZM de Toluca», «municipio de …». */
export const KIND_WORDS = {
  region: ['Región', 'Reg.', 'Region'],
  zm: ['ZM', 'Z.M.', 'Zona Metropolitana', 'Zona Metropolitana de', 'Metropolitan area'],
  mun: ['Municipio', 'Municipio de', 'Mpio.', 'Municipality'],
} as const;

/**
 * Places outside the catalog people ask about: the other 31 states, the country and a few large cities.
 * A question about them is answered with what the service covers instead of a guess.
 */
export const OUTSIDE_PLACES: readonly { id: string; variants: readonly string[] }[] = [
  {
    id: 'country',
    variants: ['México', 'país', 'nacional', 'República Mexicana', 'todo el país', 'Mexico country'],
  },
  { id: 'state:01', variants: ['Aguascalientes'] },
  { id: 'state:02', variants: ['Baja California', 'Tijuana', 'Mexicali'] },
  { id: 'state:03', variants: ['Baja California Sur', 'La Paz Baja California', 'Los Cabos'] },
  { id: 'state:04', variants: ['Campeche'] },
  { id: 'state:05', variants: ['Coahuila', 'Saltillo', 'Torreón'] },
  { id: 'state:06', variants: ['Colima'] },
  { id: 'state:07', variants: ['Chiapas', 'Tuxtla Gutiérrez'] },
  { id: 'state:08', variants: ['Chihuahua', 'Ciudad Juárez'] },
  {
    id: 'state:09',
    variants: ['Ciudad de México', 'CDMX', 'DF', 'Distrito Federal', 'Iztapalapa', 'Coyoacán'],
  },
  { id: 'state:10', variants: ['Durango'] },
  { id: 'state:11', variants: ['Guanajuato', 'León'] },
  { id: 'state:12', variants: ['Guerrero', 'estado de Guerrero', 'Acapulco'] },
  { id: 'state:13', variants: ['Hidalgo', 'estado de Hidalgo', 'Pachuca'] },
  { id: 'state:14', variants: ['Jalisco', 'Guadalajara'] },
  { id: 'state:16', variants: ['Michoacán', 'Morelia'] },
  { id: 'state:17', variants: ['Morelos', 'estado de Morelos', 'Cuernavaca'] },
  { id: 'state:18', variants: ['Nayarit', 'Tepic'] },
  { id: 'state:19', variants: ['Nuevo León', 'Monterrey'] },
  { id: 'state:20', variants: ['Oaxaca'] },
  { id: 'state:21', variants: ['Puebla'] },
  { id: 'state:22', variants: ['Querétaro'] },
  { id: 'state:23', variants: ['Quintana Roo', 'Cancún'] },
  { id: 'state:24', variants: ['San Luis Potosí'] },
  { id: 'state:25', variants: ['Sinaloa', 'Culiacán', 'Mazatlán'] },
  { id: 'state:26', variants: ['Sonora', 'Hermosillo'] },
  { id: 'state:27', variants: ['Tabasco', 'Villahermosa'] },
  { id: 'state:28', variants: ['Tamaulipas'] },
  { id: 'state:29', variants: ['Tlaxcala'] },
  { id: 'state:30', variants: ['Veracruz'] },
  { id: 'state:31', variants: ['Yucatán', 'Mérida'] },
  { id: 'state:32', variants: ['Zacatecas'] },
];

/** Words an indicator name may leave out: «discapacidad» means «población con discapacidad». */
export const SOFT_WORDS: Record<Locale, readonly string[]> = {
  'es-MX': ['población', 'personas', 'número', 'cantidad', 'total', 'cifra', 'tasa'],
  en: ['population', 'people', 'number', 'total', 'rate'],
};

/** Words after which «estado» / «entidad» is not the State of Mexico (otro estado = another state). */
export const NOT_A_PLACE_AFTER = ['otro', 'otra', 'otros', 'otras', 'other', 'another'];

/** Words of a question that carry no meaning for the figure. */
export const FILLER_WORDS: Record<Locale, string> = {
  'es-MX': `qué que cuál cual cuáles cuales cuánto cuanto cuánta cuanta cuántos cuantos cuántas cuantas
    cómo como dónde donde cuándo cuando quién hay había habia tiene tienen tenía tenia tenían tenian
    tendrá tendra tendrán habrá habra es son era eran fue fueron será sera está esta están estan estaba
    vive viven vivían vivian habita habitan residen reside existe existen registra registró
    dime dame da dar quiero quisiera saber conocer necesito busco buscar me mi puedes podrías podrias
    decir favor por ver consultar consulta información informacion dato datos cifra cifras oficial
    oficiales según segun inegi conapo censo conteo encuesta actual actualmente hoy ahora aproximadamente
    aproximado reciente último ultimo ultima última año años ano anos municipio municipios ciudad
    cabecera su sus se le les un una unos unas este esta estos estas ese esa eso hasta desde entre
    hubo había tener tenemos hace mismo misma cada cuenta cuentan contaba vivía vivia registrada
    registrado alrededor cerca hola gracias porfa please`,
  en: `what which how many much is are was were there does do did have has had live lives living
    tell me give want know need please the a an figure figures data official according inegi conapo
    census current currently today now approximately latest last year years municipality city its
    in of for about around`,
};
