/**
 * One importer per dataset, each reading the official column layout (and, for ITER, both the full
 * INEGI file and the staged third-party subset). An importer only parses and validates; the runner
 * (src/stats/import.ts) writes the result in one transaction.
 */
import { STATE_CODE } from '../../domain/geography.ts';
import { CENSUS_SERIES_YEARS, type DatasetId } from '../../domain/indicators.ts';
import type { Fact } from '../engine.ts';
import type { ParsedDataset } from '../repository.ts';
import { ellipsoidalAreaKm2 } from './area.ts';
import {
  cellAt,
  checkTotal,
  FactSink,
  ImportError,
  type Row,
  readCsv,
  requireColumns,
  type SourceFile,
  type Table,
} from './csv.ts';
import { parseBoundaries } from './geojson.ts';

export type ImportContext = { municipalities: ReadonlySet<string> };
export type ImportResult = { facts: Fact[]; rows: number; boundaries?: ParsedDataset['boundaries'] };
export type Importer = (files: SourceFile[], ctx: ImportContext) => ImportResult;

/** A 5-digit municipal code of the catalog, from `15MMM` or (with `entity`) from `MMM`. */
function munCode(t: Table, row: Row, column: string, ctx: ImportContext, entity?: string): string {
  const raw = row.get(column);
  const code =
    entity !== undefined ? `${entity.padStart(2, '0')}${raw.padStart(3, '0')}` : raw.padStart(5, '0');
  if (!ctx.municipalities.has(code))
    throw new ImportError(t.file, row.line, column, 'unknown_municipality', { value: raw });
  return code;
}

function requireAll(t: Table, seen: Set<string>, ctx: ImportContext) {
  const missing = [...ctx.municipalities].filter((c) => !seen.has(c));
  if (missing.length > 0)
    throw new ImportError(t.file, null, null, 'missing_municipalities', {
      count: missing.length,
      codes: missing.slice(0, 10).join(', '),
    });
}

function once(t: Table, row: Row, column: string, seen: Set<string>, key: string) {
  if (seen.has(key)) throw new ImportError(t.file, row.line, column, 'duplicate', { key });
  seen.add(key);
}

const single = (files: SourceFile[]) => readCsv(files[0]!);

// ---- INEGI ----

const ageeml: Importer = (files, ctx) => {
  const t = single(files);
  const VIV = 'TOTAL DE VIVIENDAS HABITADAS';
  requireColumns(t, ['CVEGEO', 'NOM_MUN', 'POB_TOTAL', 'POB_MASCULINA', 'POB_FEMENINA', VIV]);
  const sink = new FactSink('ageeml_mun');
  const seen = new Set<string>();
  for (const row of t.rows) {
    const geo = munCode(t, row, 'CVEGEO', ctx);
    once(t, row, 'CVEGEO', seen, geo);
    checkTotal(t, row, 'POB_TOTAL', ['POB_MASCULINA', 'POB_FEMENINA']);
    sink.cell('ageeml.POB_TOTAL', geo, 2020, cellAt(t, row, 'POB_TOTAL'));
    sink.cell('ageeml.TVIVHAB', geo, 2020, cellAt(t, row, VIV));
  }
  requireAll(t, seen, ctx);
  return { facts: sink.facts, rows: t.rows.length };
};

/** Identification columns of ITER (not figures). */
const ITER_ID = new Set([
  'ENTIDAD',
  'NOM_ENT',
  'MUN',
  'NOM_MUN',
  'LOC',
  'NOM_LOC',
  'LONGITUD',
  'LATITUD',
  'ALTITUD',
  'TAMLOC',
  'CVEGEO',
]);
/** Columns of the third-party subset that are derived or truncated (see SOURCES.md). */
const SUBSET_SKIP = new Set(['PROM_OCUP', 'PRO_OCUP_C', 'OTRAS_DERECH']);

/**
 * INEGI ITER 2020. The full official file (286 columns, one row per locality, municipal totals at
 * LOC=0000, the entity total at MUN=000) or the staged subset (municipal rows keyed by CVEGEO).
 */
const iter: Importer = (files, ctx) => {
  const t = single(files);
  const full = t.columns.includes('LOC');
  requireColumns(t, ['ENTIDAD', 'MUN', 'POBTOT', 'POBFEM', 'POBMAS', ...(full ? ['LOC'] : ['CVEGEO'])]);
  const variables = t.columns.filter(
    (c) => !ITER_ID.has(c) && !c.endsWith('_%') && !(!full && SUBSET_SKIP.has(c)),
  );
  const sink = new FactSink('censo2020_iter');
  const seen = new Set<string>();
  let rows = 0;
  for (const row of t.rows) {
    const entity = row.get('ENTIDAD').padStart(2, '0');
    if (entity !== STATE_CODE) {
      if (full) continue; // the national file: other entities are not ours
      throw new ImportError(t.file, row.line, 'ENTIDAD', 'other_entity', {
        value: entity,
        entity: STATE_CODE,
      });
    }
    if (full && row.get('LOC') !== '0000') {
      // Localities: only their position and population are kept (to place urban AGEBs in a polygon).
      locality(t, row, entity, ctx, sink);
      continue;
    }
    const mun = row.get('MUN').padStart(3, '0');
    const geo =
      full && mun === '000'
        ? STATE_CODE
        : munCode(t, row, full ? 'MUN' : 'CVEGEO', ctx, full ? entity : undefined);
    once(t, row, full ? 'MUN' : 'CVEGEO', seen, geo);
    checkTotal(t, row, 'POBTOT', ['POBFEM', 'POBMAS']);
    for (const v of variables) sink.cell(`iter.${v}`, geo, 2020, cellAt(t, row, v));
    rows++;
  }
  seen.delete(STATE_CODE);
  requireAll(t, seen, ctx);
  return { facts: sink.facts, rows };
};

/** INEGI writes coordinates as `19°36'02.123" N` / `099°03'04.5" W` (or decimal degrees); returns decimal degrees. */
export function parseCoordinate(raw: string): number | null {
  const s = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  const m = /^(\d{1,3})\s*°\s*(\d{1,2})\s*['´’′]\s*(\d{1,2}(?:\.\d+)?)\s*(?:"|”|″|'')?\s*([NSEW])$/i.exec(s);
  if (!m) return null;
  const value = Number(m[1]) + Number(m[2]) / 60 + Number(m[3]) / 3600;
  return /[SW]/i.test(m[4]!) ? -value : value;
}

/** ITER special rows (9998, 9999: one- and two-dwelling localities) have no position. */
function locality(t: Table, row: Row, entity: string, ctx: ImportContext, sink: FactSink) {
  const loc = row.get('LOC');
  if (loc === '9998' || loc === '9999' || !t.columns.includes('LONGITUD')) return;
  const [lonRaw, latRaw] = [row.get('LONGITUD'), row.get('LATITUD')];
  if (lonRaw === '' || latRaw === '') return;
  const mun = munCode(t, row, 'MUN', ctx, entity);
  const [lon, lat] = [parseCoordinate(lonRaw), parseCoordinate(latRaw)];
  if (lon === null || Math.abs(lon) > 180)
    throw new ImportError(t.file, row.line, 'LONGITUD', 'bad_coordinate', { value: lonRaw });
  if (lat === null || Math.abs(lat) > 90)
    throw new ImportError(t.file, row.line, 'LATITUD', 'bad_coordinate', { value: latRaw });
  const geo = `${mun}${loc.padStart(4, '0')}`;
  sink.cell('loc.lon', geo, 2020, { value: lon, status: 'ok' });
  sink.cell('loc.lat', geo, 2020, { value: lat, status: 'ok' });
  sink.cell('loc.POBTOT', geo, 2020, cellAt(t, row, 'POBTOT'));
}

const series: Importer = (files, ctx) => {
  const t = single(files);
  requireColumns(t, ['cve_mun', 'anio', 'pob_total', 'hombres', 'mujeres', 'fuente']);
  const sink = new FactSink('population_series');
  const seen = new Set<string>();
  for (const row of t.rows) {
    const geo = munCode(t, row, 'cve_mun', ctx);
    const year = Number(row.get('anio'));
    if (!(CENSUS_SERIES_YEARS as readonly number[]).includes(year))
      throw new ImportError(t.file, row.line, 'anio', 'year_out_of_range', { value: row.get('anio') });
    once(t, row, 'cve_mun', seen, `${geo}/${year}`);
    checkTotal(t, row, 'pob_total', ['hombres', 'mujeres']);
    sink.cell('series.pob_total', geo, year, cellAt(t, row, 'pob_total'));
    sink.cell('series.hombres', geo, year, cellAt(t, row, 'hombres'));
    sink.cell('series.mujeres', geo, year, cellAt(t, row, 'mujeres'));
  }
  // Municipalities created later (e.g. 15122 in 1994) have empty rows before their first count:
  // they did not exist then (their territory is counted in others), which is not a missing figure.
  const first = new Map<string, number>();
  for (const f of sink.facts)
    if (f.status === 'ok') first.set(f.geo, Math.min(first.get(f.geo) ?? Infinity, f.year));
  for (const f of sink.facts)
    if (f.status === 'not_available' && f.year < (first.get(f.geo) ?? -Infinity)) f.status = 'not_applicable';
  return { facts: sink.facts, rows: t.rows.length };
};

/** "00-04 años" → "00-04", "75 años y más" → "75+"; null for totals and unspecified age. */
function ageGroup(label: string): string | null {
  const m = /^(\d{2})-(\d{2}) años$/.exec(label);
  if (m) return `${m[1]}-${m[2]}`;
  if (/^75 años y más$/.test(label)) return '75+';
  return null;
}

/** INEGI Encuesta Intercensal 2015, tabulado 02: entity/municipality × age group × estimator. */
const eic2015: Importer = (files, ctx) => {
  const t = single(files);
  requireColumns(t, [
    'entidad',
    'municipio',
    'grupo_quinquenal_edad',
    'estimador',
    'poblacion_total',
    'hombres',
    'mujeres',
  ]);
  const sink = new FactSink('eic2015_age_sex');
  let rows = 0;
  for (const row of t.rows) {
    const entity = row.get('entidad');
    // The tabulado ends with footnotes ("Nota: …", "* Municipio censado.").
    if (!/^\d{2} /.test(entity)) continue;
    if (!entity.startsWith(`${STATE_CODE} `))
      throw new ImportError(t.file, row.line, 'entidad', 'other_entity', {
        value: entity,
        entity: STATE_CODE,
      });
    // The value and its coefficient of variation (%); the other estimators (SE, limits, DEFF) are not kept.
    const estimator = row.get('estimador');
    if (estimator !== 'Valor' && estimator !== 'Coeficiente de variación') continue;
    const cv = estimator !== 'Valor';
    const mun = row.get('municipio');
    let geo = STATE_CODE;
    if (mun !== 'Total') {
      const m = /^(\d{3}) /.exec(mun);
      if (!m)
        throw new ImportError(t.file, row.line, 'municipio', 'municipality_without_code', { value: mun });
      geo = `${STATE_CODE}${m[1]}`;
      if (!ctx.municipalities.has(geo))
        throw new ImportError(t.file, row.line, 'municipio', 'unknown_municipality', { value: m[1]! });
    }
    const label = row.get('grupo_quinquenal_edad');
    if (cv) {
      eicCv(t, row, geo, label, sink);
      continue;
    }
    checkTotal(t, row, 'poblacion_total', ['hombres', 'mujeres']);
    rows++;
    if (label === 'Total') {
      sink.cell('eic2015.total', geo, 2015, cellAt(t, row, 'poblacion_total'));
      // "* Municipio censado": the survey enumerated the whole municipality (a count, no sampling error).
      if (/\s\*$/.test(mun)) sink.cell('eic2015.censado', geo, 2015, { value: 1, status: 'ok' });
      continue;
    }
    const g = ageGroup(label);
    if (!g) {
      if (label === 'No especificado') continue;
      throw new ImportError(t.file, row.line, 'grupo_quinquenal_edad', 'unknown_age_group', { value: label });
    }
    sink.cell(`eic2015.h_${g}`, geo, 2015, cellAt(t, row, 'hombres'));
    sink.cell(`eic2015.m_${g}`, geo, 2015, cellAt(t, row, 'mujeres'));
  }
  return { facts: sink.facts, rows };
};

/** Coefficients of variation (%): of the totals (`cv_total`, `cv_total_h`, `cv_total_m`) and of each age × sex cell. */
function eicCv(t: Table, row: Row, geo: string, label: string, sink: FactSink) {
  if (label === 'Total') {
    sink.cell('eic2015.cv_total', geo, 2015, cellAt(t, row, 'poblacion_total'));
    sink.cell('eic2015.cv_total_h', geo, 2015, cellAt(t, row, 'hombres'));
    sink.cell('eic2015.cv_total_m', geo, 2015, cellAt(t, row, 'mujeres'));
    return;
  }
  const g = ageGroup(label);
  if (!g) return;
  sink.cell(`eic2015.cv_h_${g}`, geo, 2015, cellAt(t, row, 'hombres'));
  sink.cell(`eic2015.cv_m_${g}`, geo, 2015, cellAt(t, row, 'mujeres'));
}

const AFRO_COLUMNS = [
  'pob_total',
  'pob_afromexicana',
  'pob_no_afromexicana',
  'pob_afro_no_especificado',
  'pob_3ymas',
  'pob_3ymas_habla_lengua_indigena',
  'pob_3ymas_no_habla_lengua_indigena',
  'pob_3ymas_lengua_no_especificado',
];

const afro: Importer = (files, ctx) => {
  const t = single(files);
  requireColumns(t, ['cve_mun', ...AFRO_COLUMNS]);
  const sink = new FactSink('censo2020_afro_indigenous');
  const seen = new Set<string>();
  for (const row of t.rows) {
    const geo = munCode(t, row, 'cve_mun', ctx);
    once(t, row, 'cve_mun', seen, geo);
    for (const c of AFRO_COLUMNS) sink.cell(`afro.${c}`, geo, 2020, cellAt(t, row, c));
  }
  requireAll(t, seen, ctx);
  return { facts: sink.facts, rows: t.rows.length };
};

// ---- CONAPO ----

const GRADES = new Set(['Muy bajo', 'Bajo', 'Medio', 'Alto', 'Muy alto']);

/** The year of a CONAPO index file, from its `IM_<year>` column. */
function indexYear(t: Table): number {
  const col = t.columns.find((c) => /^IM_\d{4}$/.test(c));
  if (!col) throw new ImportError(t.file, null, null, 'no_index_column');
  return Number(col.slice(3));
}

function grade(t: Table, row: Row, column: string): string {
  const g = row.get(column);
  if (!GRADES.has(g)) throw new ImportError(t.file, row.line, column, 'unknown_grade', { value: g });
  return g;
}

const IMM_INDICATORS = [
  'POB_TOT',
  'ANALF',
  'SBASC',
  'OVSDE',
  'OVSEE',
  'OVSAE',
  'OVPT',
  'VHAC',
  'PL.5000',
  'PO2SM',
];

/** CONAPO IMM: one file per edition (2010, 2015, 2020), the same layout. */
const imm: Importer = (files, ctx) => {
  const sink = new FactSink('conapo_imm');
  let rows = 0;
  for (const file of files) {
    const t = readCsv(file);
    const year = indexYear(t);
    requireColumns(t, ['CVE_MUN', ...IMM_INDICATORS, `IM_${year}`, `GM_${year}`, `IMN_${year}`]);
    const seen = new Set<string>();
    for (const row of t.rows) {
      const geo = munCode(t, row, 'CVE_MUN', ctx);
      once(t, row, 'CVE_MUN', seen, geo);
      for (const c of IMM_INDICATORS) sink.cell(`imm.${c}`, geo, year, cellAt(t, row, c));
      sink.cell('imm.IM', geo, year, cellAt(t, row, `IM_${year}`));
      sink.cell('imm.IMN', geo, year, cellAt(t, row, `IMN_${year}`));
      sink.text('imm.GM', geo, year, grade(t, row, `GM_${year}`));
    }
    requireAll(t, seen, ctx);
    rows += t.rows.length;
  }
  return { facts: sink.facts, rows };
};

/** CONAPO IME: all 32 states; only the State of Mexico's row is kept (as the state's figure). */
const ime: Importer = (files) => {
  const t = single(files);
  const year = indexYear(t);
  requireColumns(t, ['CVE_ENT', ...IMM_INDICATORS, `IM_${year}`, `GM_${year}`, `IMN_${year}`]);
  const sink = new FactSink('conapo_ime');
  for (const row of t.rows) {
    const ent = row.get('CVE_ENT').padStart(2, '0');
    if (!/^(0[1-9]|[12]\d|3[0-2])$/.test(ent))
      throw new ImportError(t.file, row.line, 'CVE_ENT', 'bad_entity', { value: row.get('CVE_ENT') });
    const g = grade(t, row, `GM_${year}`);
    if (ent !== STATE_CODE) continue;
    // The same indicators as the municipal index (ANALF, SBASC, PO2SM…), published for the state.
    for (const c of IMM_INDICATORS) sink.cell(`imm.${c}`, STATE_CODE, year, cellAt(t, row, c));
    sink.cell('imm.IM', STATE_CODE, year, cellAt(t, row, `IM_${year}`));
    sink.cell('imm.IMN', STATE_CODE, year, cellAt(t, row, `IMN_${year}`));
    sink.text('imm.GM', STATE_CODE, year, g);
  }
  if (sink.facts.length === 0)
    throw new ImportError(t.file, null, null, 'no_entity_row', { entity: STATE_CODE });
  return { facts: sink.facts, rows: t.rows.length };
};

/** CONAPO IMU: one row per urban AGEB (CVE_AGEB = entity, municipality, locality, AGEB: 13 characters). */
const imu: Importer = (files, ctx) => {
  const t = single(files);
  const year = indexYear(t);
  requireColumns(t, ['CVE_AGEB', 'POB_TOTAL', `IM_${year}`, `GM_${year}`]);
  const sink = new FactSink('conapo_imu_ageb');
  const seen = new Set<string>();
  for (const row of t.rows) {
    const ageb = row.get('CVE_AGEB');
    if (!/^\d{9}[0-9A-Z]{4}$/.test(ageb) || !ctx.municipalities.has(ageb.slice(0, 5)))
      throw new ImportError(t.file, row.line, 'CVE_AGEB', 'bad_ageb', { value: ageb });
    once(t, row, 'CVE_AGEB', seen, ageb);
    sink.cell('imu.POB_TOTAL', ageb, year, cellAt(t, row, 'POB_TOTAL'));
    sink.cell('imu.IM', ageb, year, cellAt(t, row, `IM_${year}`));
    sink.text('imu.GM', ageb, year, grade(t, row, `GM_${year}`));
    // The locality's name, for the AGEB tables (a row names its locality, not just the key).
    if (t.columns.includes('NOM_LOC')) sink.text('imu.NOM_LOC', ageb, year, row.get('NOM_LOC').trim());
  }
  return { facts: sink.facts, rows: t.rows.length };
};

const projectionsMun: Importer = (files, ctx) => {
  const t = single(files);
  requireColumns(t, ['date_year', 'cve_mun', 'hombres', 'mujeres', 'total']);
  const sink = new FactSink('conapo_projections_mun');
  const seen = new Set<string>();
  for (const row of t.rows) {
    const geo = munCode(t, row, 'cve_mun', ctx);
    const year = Number(row.get('date_year'));
    if (!Number.isInteger(year) || year < 2015 || year > 2030)
      throw new ImportError(t.file, row.line, 'date_year', 'year_out_of_range', {
        value: row.get('date_year'),
      });
    once(t, row, 'cve_mun', seen, `${geo}/${year}`);
    checkTotal(t, row, 'total', ['hombres', 'mujeres']);
    for (const c of ['total', 'hombres', 'mujeres']) sink.cell(`proj.${c}`, geo, year, cellAt(t, row, c));
  }
  return { facts: sink.facts, rows: t.rows.length };
};

const SEX: Record<string, string> = { Total: 'total', Hombres: 'hombres', Mujeres: 'mujeres' };

function sexKey(t: Table, row: Row, column: string): string {
  const s = SEX[row.get(column)];
  if (!s) throw new ImportError(t.file, row.line, column, 'unknown_sex', { value: row.get(column) });
  return s;
}

function yearOf(t: Table, row: Row, column: string): number {
  const y = Number(row.get(column));
  if (!Number.isInteger(y) || y < 1900 || y > 2100)
    throw new ImportError(t.file, row.line, column, 'bad_year', { value: row.get(column) });
  return y;
}

const projectionsState: Importer = (files) => {
  const t = single(files);
  requireColumns(t, ['n_year', 'cve_ent', 'genero', 'pob_start_year', 'pob_mid_year']);
  const sink = new FactSink('conapo_projections_state');
  for (const row of t.rows) {
    const year = yearOf(t, row, 'n_year');
    const sex = sexKey(t, row, 'genero');
    if (row.get('cve_ent').padStart(2, '0') !== STATE_CODE) continue; // national rows
    sink.cell(
      sex === 'total' ? 'projstate.pob_mid_year' : `projstate.pob_mid_year_${sex}`,
      STATE_CODE,
      year,
      cellAt(t, row, 'pob_mid_year'),
    );
  }
  return { facts: sink.facts, rows: t.rows.length };
};

const DEMO_ID = new Set(['RENGLON', 'AÑO', 'ENTIDAD', 'CVE_GEO']);

const demographicIndicators: Importer = (files) => {
  const t = single(files);
  requireColumns(t, ['AÑO', 'CVE_GEO', 'TGF', 'TMI', 'EV']);
  const variables = t.columns.filter((c) => !DEMO_ID.has(c));
  const sink = new FactSink('conapo_demographic_indicators');
  for (const row of t.rows) {
    const year = yearOf(t, row, 'AÑO');
    if (row.get('CVE_GEO').padStart(2, '0') !== STATE_CODE) continue;
    for (const v of variables) sink.cell(`demo.${v}`, STATE_CODE, year, cellAt(t, row, v));
  }
  return { facts: sink.facts, rows: t.rows.length };
};

const lifeExpectancy: Importer = (files) => {
  const t = single(files);
  requireColumns(t, ['AÑO', 'CVE_GEO', 'SEXO', 'EV']);
  const sink = new FactSink('conapo_life_expectancy');
  for (const row of t.rows) {
    const year = yearOf(t, row, 'AÑO');
    const sex = sexKey(t, row, 'SEXO');
    if (row.get('CVE_GEO').padStart(2, '0') !== STATE_CODE) continue;
    sink.cell(`ev.${sex}`, STATE_CODE, year, cellAt(t, row, 'EV'));
  }
  return { facts: sink.facts, rows: t.rows.length };
};

/** The Marco Geoestadístico edition the staged boundaries come from (the year of the area figures). */
const BOUNDARIES_YEAR = 2025;

const boundaries: Importer = (files, ctx) => {
  const parsed = parseBoundaries(files[0]!, ctx.municipalities);
  // Each municipality's surface (km², WGS84 ellipsoid) for population density.
  const sink = new FactSink('mg2025_boundaries');
  for (const b of parsed)
    sink.cell('mg.AREA_KM2', b.code, BOUNDARIES_YEAR, {
      value: ellipsoidalAreaKm2(b.geometry),
      status: 'ok',
    });
  return { facts: sink.facts, rows: parsed.length, boundaries: parsed };
};

export const IMPORTERS: Record<DatasetId, Importer> = {
  ageeml_mun: ageeml,
  censo2020_iter: iter,
  population_series: series,
  eic2015_age_sex: eic2015,
  censo2020_afro_indigenous: afro,
  conapo_imm: imm,
  conapo_ime: ime,
  conapo_imu_ageb: imu,
  conapo_projections_mun: projectionsMun,
  conapo_projections_state: projectionsState,
  conapo_demographic_indicators: demographicIndicators,
  conapo_life_expectancy: lifeExpectancy,
  mg2025_boundaries: boundaries,
};
