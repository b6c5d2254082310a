// The whole catalog recomputed from the staged files by a small reference implementation (its own CSV
// reader, its own sums and ratios), compared with the engine for every indicator × every geography
// kind (state, municipalities, regions, zones, sets, a polygon) × every year the engine offers:
// exact counts, ratios to 1e-9, and the same refusals. Skips loudly outside CI without the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorDef } from '../../../src/domain/indicators.ts';
import { findIndicator } from '../../../src/domain/indicators.ts';
import { createStatsEngine, type StatsEngine, type ValueResult } from '../../../src/stats/engine.ts';
import { parseDataDir } from '../../../src/stats/import.ts';
import { sharedDataDir } from '../../helpers/shared-data.ts';
import { num, readStaged } from './staged-csv.ts';

const dir = sharedDataDir();
const STATE = '15';
/** Municipalities created from others, with the first count that has them (independent of the config). */
const SPLITS = [
  { code: '15122', family: ['15025', '15122'], first: 1995 },
  { code: '15123', family: ['15082', '15123'], first: 2005 },
  { code: '15124', family: ['15074', '15124'], first: 2005 },
  { code: '15125', family: ['15044', '15125'], first: 2005 },
];
const DATES: Record<number, string> = {
  1990: '1990-03-12',
  2000: '2000-02-14',
  2010: '2010-06-12',
  2020: '2020-03-15',
};

type Value = number | string | null;
/** variable → year → geo → value (the reference's own store, read straight from the CSVs). */
class Reference {
  private readonly data = new Map<string, Map<number, Map<string, Value>>>();

  set(variable: string, year: number, geo: string, value: Value) {
    let years = this.data.get(variable);
    if (!years) {
      years = new Map();
      this.data.set(variable, years);
    }
    let geos = years.get(year);
    if (!geos) {
      geos = new Map();
      years.set(year, geos);
    }
    geos.set(geo, value);
  }

  get(variable: string, year: number, geo: string): Value | undefined {
    return this.data.get(variable)?.get(year)?.get(geo);
  }

  hasYear(variable: string, year: number): boolean {
    return [...(this.data.get(variable)?.get(year)?.values() ?? [])].some((v) => v !== null);
  }
}

function load(dir: string): Reference {
  const ref = new Reference();
  for (const r of readStaged(dir, 'censo2020_iter_municipal_subset_edomex.csv'))
    for (const [k, raw] of Object.entries(r)) ref.set(`iter.${k}`, 2020, r.CVEGEO!, num(raw));
  for (const r of readStaged(dir, 'inegi_ageeml_municipios_edomex.csv'))
    ref.set('ageeml.TVIVHAB', 2020, r.CVEGEO!, num(r['TOTAL DE VIVIENDAS HABITADAS']));
  for (const r of readStaged(dir, 'inegi_poblacion_municipal_1990_2020_edomex.csv'))
    for (const c of ['pob_total', 'hombres', 'mujeres'])
      ref.set(`series.${c}`, Number(r.anio), r.cve_mun!, num(r[c]));
  for (const r of readStaged(dir, 'inegi_eic2015_poblacion_municipio_edad_sexo_edomex.csv')) {
    if (r.estimador !== 'Valor' || !/^\d{2} /.test(r.entidad!)) continue;
    const geo = r.municipio === 'Total' ? STATE : `15${r.municipio!.slice(0, 3)}`;
    const label = r.grupo_quinquenal_edad!;
    const group = label.startsWith('75') ? '75+' : /^\d{2}-\d{2}/.exec(label)?.[0];
    if (!group) continue;
    ref.set(`eic2015.h_${group}`, 2015, geo, num(r.hombres));
    ref.set(`eic2015.m_${group}`, 2015, geo, num(r.mujeres));
  }
  for (const r of readStaged(dir, 'inegi_censo2020_afro_lengua_indigena_municipal_edomex.csv'))
    for (const [k, raw] of Object.entries(r)) ref.set(`afro.${k}`, 2020, r.cve_mun!, num(raw));
  const immColumns = ['ANALF', 'SBASC', 'OVSDE', 'OVSEE', 'OVSAE', 'OVPT', 'VHAC', 'PL.5000', 'PO2SM'];
  for (const year of [2010, 2015, 2020])
    for (const r of readStaged(dir, `conapo_imm_${year}_edomex.csv`)) {
      for (const c of immColumns) ref.set(`imm.${c}`, year, r.CVE_MUN!, num(r[c]));
      ref.set('imm.IM', year, r.CVE_MUN!, num(r[`IM_${year}`]));
      ref.set('imm.IMN', year, r.CVE_MUN!, num(r[`IMN_${year}`]));
      ref.set('imm.GM', year, r.CVE_MUN!, r[`GM_${year}`]!);
    }
  const ime = readStaged(dir, 'conapo_ime_2020_entidades.csv').find((r) => r.CVE_ENT === STATE)!;
  for (const c of immColumns) ref.set(`imm.${c}`, 2020, STATE, num(ime[c]));
  ref.set('imm.IM', 2020, STATE, num(ime.IM_2020));
  ref.set('imm.IMN', 2020, STATE, num(ime.IMN_2020));
  ref.set('imm.GM', 2020, STATE, ime.GM_2020!);
  for (const r of readStaged(dir, 'conapo_imu_2020_agebs_urbanas_edomex.csv')) {
    const mun = r.CVE_AGEB!.slice(0, 5);
    const pop = num(r.POB_TOTAL)!;
    const high = ['Alto', 'Muy alto'].includes(r.GM_2020!) ? pop : 0;
    ref.set('imu.POB_TOTAL', 2020, mun, ((ref.get('imu.POB_TOTAL', 2020, mun) as number) ?? 0) + pop);
    ref.set('imu.POB_HIGH', 2020, mun, ((ref.get('imu.POB_HIGH', 2020, mun) as number) ?? 0) + high);
  }
  for (const r of readStaged(dir, 'conapo_proyecciones_mun_2015_2030_edomex.csv'))
    for (const c of ['total', 'hombres', 'mujeres'])
      ref.set(`proj.${c}`, Number(r.date_year), r.cve_mun!, num(r[c]));
  for (const r of readStaged(dir, 'conapo_proyecciones_ent_1950_2070_edomex_nacional.csv')) {
    if (r.cve_ent !== STATE) continue;
    const suffix = r.genero === 'Total' ? '' : `_${r.genero!.toLowerCase()}`;
    ref.set(`projstate.pob_mid_year${suffix}`, Number(r.n_year), STATE, num(r.pob_mid_year));
  }
  for (const r of readStaged(dir, 'conapo_indicadores_demograficos_1950_2070_edomex_nacional.csv')) {
    if (r.CVE_GEO !== STATE) continue;
    for (const [k, raw] of Object.entries(r)) ref.set(`demo.${k}`, Number(r.AÑO), STATE, num(raw));
  }
  for (const r of readStaged(dir, 'conapo_esperanza_vida_1950_2070_edomex_nacional.csv')) {
    if (r.CVE_GEO !== STATE) continue;
    ref.set(`ev.${r.SEXO === 'Total' ? 'total' : r.SEXO!.toLowerCase()}`, Number(r.AÑO), STATE, num(r.EV));
  }
  for (const [code, km2] of municipalAreas(dir)) ref.set('mg.AREA_KM2', 2025, code, km2);
  return ref;
}

/**
 * Each municipality's surface on the WGS84 ellipsoid (km²), from the staged boundaries: the planar
 * (shoelace) area in the ellipsoidal Lambert cylindrical equal-area projection, x = a·λ,
 * y = a·q(φ)/2 (Snyder 1987, eq. 10-16) — a route independent of the engine's (@turf/area on
 * authalic latitudes).
 */
export function municipalAreas(dir: string): Map<string, number> {
  const a = 6_378_137;
  const f = 1 / 298.257223563;
  const e2 = 2 * f - f * f;
  const e = Math.sqrt(e2);
  const q = (phi: number) => {
    const s = Math.sin(phi);
    return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * Math.log((1 - e * s) / (1 + e * s)));
  };
  // Coordinates relative to the ring's first vertex: the shoelace is translation-invariant, and small
  // numbers keep a 4.7 km² municipality's area exact to 1e-12.
  const ringArea = (ring: number[][]) => {
    const x = (lon: number) => (a * (lon - ring[0]![0]!) * Math.PI) / 180;
    const y = (lat: number) => (a * (q((lat * Math.PI) / 180) - q((ring[0]![1]! * Math.PI) / 180))) / 2;
    let twice = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [l0, p0] = ring[i]!;
      const [l1, p1] = ring[i + 1]!;
      twice += x(l0!) * y(p1!) - x(l1!) * y(p0!);
    }
    return Math.abs(twice) / 2;
  };
  const doc = JSON.parse(
    readFileSync(join(dir, 'edomex_municipios_mg2025_simplificado.geojson'), 'utf8'),
  ) as {
    features: { properties: { CVEGEO: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  const out = new Map<string, number>();
  for (const feature of doc.features) {
    const g = feature.geometry;
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
    let m2 = 0;
    for (const [outer, ...holes] of polygons)
      m2 += ringArea(outer!) - holes.reduce((t, h) => t + ringArea(h), 0);
    out.set(feature.properties.CVEGEO, m2 / 1e6);
  }
  return out;
}

type Place = { id: string; level: string; members: { code: string; weight: number }[] };
type Expected =
  | { refused: true }
  | { refused: false; value: Value; numerator: number | null; denominator: number | null };

/** The reference computation of one indicator for one place and year. */
function expected(ref: Reference, def: IndicatorDef, place: Place, year: number): Expected {
  const single = place.level !== 'polygon' && place.members.length === 1;
  const level = single && place.level !== 'state' ? 'mun' : place.level;
  if (!def.levels.includes(level as never)) return { refused: true };
  // An urban-AGEB table has no single figure (its rows are checked in their own test below).
  if (def.perAgeb) return { refused: true };
  const terms = [...def.numerator, ...(def.denominator ?? [])];
  const from = year + Math.min(0, ...terms.map((t) => t.yearShift ?? 0));
  if (from !== year && place.level !== 'state') {
    const codes = new Set(place.members.map((m) => m.code));
    for (const s of SPLITS) {
      const inside = s.family.filter((c) => codes.has(c)).length;
      if (from < s.first && s.first <= year && inside > 0 && inside < s.family.length)
        return { refused: true };
    }
  }
  const resolve = (t: IndicatorDef['numerator'][number]) => {
    const y = year + (t.yearShift ?? 0);
    const alts = typeof t.variable === 'string' ? [t.variable] : t.variable;
    return { variable: alts.find((v) => ref.hasYear(v, y)) ?? alts[0]!, year: y, sign: t.sign ?? 1 };
  };
  const num = def.numerator.map(resolve);
  const den = (def.denominator ?? []).map(resolve);
  const statePublished =
    place.level === 'state' && [...num, ...den].every((t) => ref.get(t.variable, t.year, STATE) != null);
  if (def.aggregation === 'not_aggregable') {
    const code = place.level === 'state' ? STATE : place.members[0]!.code;
    return {
      refused: false,
      value: ref.get(num[0]!.variable, num[0]!.year, code) ?? null,
      numerator: null,
      denominator: null,
    };
  }
  const members = statePublished ? [{ code: STATE, weight: 1 }] : place.members;
  // Each term summed over the members that have it (a municipality created later has no earlier figure).
  const sumTerms = (ts: typeof num) => {
    let total = 0;
    for (const t of ts) {
      let s = 0;
      let any = false;
      for (const m of members) {
        const v = ref.get(t.variable, t.year, m.code);
        if (typeof v === 'number') {
          s += m.weight * v;
          any = true;
        }
      }
      if (!any) return null;
      total += t.sign * s;
    }
    return total;
  };
  const n = sumTerms(num);
  if (def.aggregation === 'sum') return { refused: false, value: n, numerator: n, denominator: null };
  const d = sumTerms(den);
  if (n === null || d === null || d === 0)
    return { refused: false, value: null, numerator: n, denominator: d };
  if (def.formula === 'annual_growth') {
    const t = (Date.parse(DATES[year]!) - Date.parse(DATES[year - 10]!)) / (365.2425 * 86_400_000);
    return { refused: false, value: ((n / d) ** (1 / t) - 1) * 100, numerator: n, denominator: d };
  }
  return { refused: false, value: ((def.scale ?? 1) * n) / d, numerator: n, denominator: d };
}

describe.skipIf(!dir)('the whole catalog against a reference recomputation from the staged files', () => {
  let stats: StatsEngine;
  let ref: Reference;
  let places: Place[];

  beforeAll(() => {
    stats = createStatsEngine({ data: parseDataDir(dir!) });
    ref = load(dir!);
    const named = stats.geographies().map((g) => ({
      id: g.id,
      level: g.level,
      members: g.members.map((m) => ({ code: m.slice(4), weight: 1 })),
    }));
    const sets = [
      'set:15033,15058',
      'set:15025,15122',
      'set:15074,15124',
      'set:15106',
      'set:15001,15044,15082',
    ].map((id) => ({
      id,
      level: 'set',
      members: id
        .slice(4)
        .split(',')
        .map((code) => ({ code, weight: 1 })),
    }));
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [-99.7, 19.2],
          [-99.5, 19.2],
          [-99.5, 19.35],
          [-99.7, 19.35],
          [-99.7, 19.2],
        ],
      ],
    };
    // The polygon's area shares come from the engine (geometry is not re-implemented here); every
    // figure built on them is recomputed.
    const resolved = stats.resolveGeo(polygon);
    places = [
      ...named,
      ...sets,
      { id: JSON.stringify(polygon), level: 'polygon', members: resolved.members },
    ];
  });

  it('every indicator × place × year: same value, numerator and denominator, or the same refusal', {
    timeout: 300_000,
  }, () => {
    let compared = 0;
    let refusals = 0;
    const kinds = new Set<string>();
    const failures: string[] = [];
    const close = (a: Value | undefined, b: Value | undefined) =>
      typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))
        : a === b;
    const check = (where: string, def: IndicatorDef, got: ValueResult | null, want: Expected) => {
      compared++;
      if (want.refused || got === null) {
        if (want.refused !== (got === null))
          failures.push(`${where}: refused ${want.refused} vs engine ${got === null}`);
        refusals++;
        return;
      }
      if (!close(got.value, want.value)) failures.push(`${where}: value ${got.value} ≠ ${want.value}`);
      // A missing figure: the engine reports no parts; only the (null) value is compared.
      if (def.aggregation === 'not_aggregable' || want.value === null) return;
      if (!close(got.numerator, want.numerator))
        failures.push(`${where}: numerator ${got.numerator} ≠ ${want.numerator}`);
      if (!close(got.denominator, want.denominator))
        failures.push(`${where}: denominator ${got.denominator} ≠ ${want.denominator}`);
    };
    const defs = stats.indicators().map((e) => findIndicator(e.id)!);
    for (const def of defs)
      for (const place of places.filter((p) => p.level !== 'polygon')) {
        kinds.add(place.level);
        const offered = !expected(ref, def, place, def.years.at(-1)!).refused;
        // Where the level is not offered, one year is enough to check the refusal.
        for (const year of offered ? def.years : [def.years.at(-1)!]) {
          let got: ValueResult | null = null;
          try {
            got = stats.value({ indicator: def.id, geo: place.id, year });
          } catch {
            got = null;
          }
          check(`${def.id} ${place.id} ${year}`, def, got, expected(ref, def, place, year));
        }
      }
    // The polygon: one table (one resolution) with every indicator offered for polygons, every year.
    const polygon = places.find((p) => p.level === 'polygon')!;
    kinds.add('polygon');
    const polyDefs = defs.filter((d) => d.levels.includes('polygon'));
    const years = [...new Set(polyDefs.flatMap((d) => [...d.years]))];
    const table = stats.table({ indicators: polyDefs.map((d) => d.id), geo: JSON.parse(polygon.id), years });
    for (const row of table.rows)
      check(
        `${row.indicator} polygon ${row.year}`,
        findIndicator(row.indicator)!,
        row,
        expected(ref, findIndicator(row.indicator)!, polygon, row.year),
      );
    expect(table.rows.length).toBe(polyDefs.reduce((n, d) => n + d.years.length, 0));
    expect(failures.slice(0, 20)).toEqual([]);
    expect(stats.indicators().length).toBeGreaterThanOrEqual(110);
    expect([...kinds].sort()).toEqual(['mun', 'polygon', 'region', 'set', 'state', 'zm']);
    expect(compared).toBeGreaterThan(30_000);
    expect(refusals).toBeGreaterThan(0);
  });

  it("urban AGEB tables: every municipality, region, zone and set lists its members' AGEBs as CONAPO publishes them", () => {
    const rows = readStaged(dir!, 'conapo_imu_2020_agebs_urbanas_edomex.csv');
    const byMun = new Map<string, typeof rows>();
    for (const r of rows)
      byMun.set(r.CVE_AGEB!.slice(0, 5), [...(byMun.get(r.CVE_AGEB!.slice(0, 5)) ?? []), r]);
    const column: Record<string, string> = {
      ageb_population: 'POB_TOTAL',
      ageb_marginalization_index: 'IM_2020',
      ageb_marginalization_grade: 'GM_2020',
    };
    const ids = Object.keys(column);
    expect(
      stats
        .indicators()
        .filter((e) => findIndicator(e.id)!.perAgeb)
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    const failures: string[] = [];
    let compared = 0;
    for (const place of places.filter((p) => p.level !== 'polygon' && p.level !== 'state')) {
      const table = stats.table({ indicators: ids, geo: place.id });
      const want = place.members.flatMap((m) =>
        [...(byMun.get(m.code) ?? [])].sort((a, b) => a.CVE_AGEB!.localeCompare(b.CVE_AGEB!)),
      );
      for (const id of ids) {
        const got = table.rows.filter((r) => r.indicator === id);
        if (got.length !== want.length)
          failures.push(`${id} ${place.id}: ${got.length} rows ≠ ${want.length}`);
        want.forEach((w, i) => {
          compared++;
          const g = got[i];
          const raw = w[column[id]!]!;
          const expectedValue = id === 'ageb_marginalization_grade' ? raw : num(raw);
          const ok =
            g !== undefined &&
            g.geo === `ageb:${w.CVE_AGEB}` &&
            g.geoName.includes(w.NOM_LOC!.trim()) &&
            (typeof expectedValue === 'number'
              ? Math.abs((g.value as number) - expectedValue) <= 1e-9 * Math.max(1, Math.abs(expectedValue))
              : g.value === expectedValue);
          if (!ok) failures.push(`${id} ${place.id} ${w.CVE_AGEB}: ${g?.geo} ${g?.value} ≠ ${expectedValue}`);
        });
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // 4,162 AGEBs × 3 columns through the municipalities alone, and again through regions, zones, sets.
    expect(compared).toBeGreaterThan(3 * 4_162 * 2);
    for (const geo of ['state:15', JSON.parse(places.find((p) => p.level === 'polygon')!.id)])
      expect(() => stats.table({ indicators: ids, geo })).toThrow();
  });

  it("density: the state surface is INEGI's (22,351 km²), and a group's density is its population over its surface", () => {
    const areas = [...municipalAreas(dir!).values()];
    expect(areas).toHaveLength(125);
    const total = areas.reduce((t, x) => t + x, 0);
    // Within 0.1 % of INEGI's published 22,351 km²; a spherical area (turf alone) is 0.3 % over.
    expect(Math.abs(total - 22_351) / 22_351).toBeLessThan(0.001);
    const state = stats.value({ indicator: 'area_km2', geo: 'state:15' });
    expect(Math.abs((state.value as number) - total)).toBeLessThan(1e-9 * total);
    // Ecatepec + Nezahualcóyotl: pooled (1,645,352 + 1,077,208) / (area₁ + area₂), not the mean of the two.
    const pair = stats.value({ indicator: 'population_density', geo: 'set:15033,15058' });
    const one = stats.value({ indicator: 'population_density', geo: 'mun:15033' }).value as number;
    const two = stats.value({ indicator: 'population_density', geo: 'mun:15058' }).value as number;
    expect(pair.numerator).toBe(1_645_352 + 1_077_208);
    expect(Math.abs((pair.value as number) - (one + two) / 2)).toBeGreaterThan(100);
    expect(pair.source.map((x) => x.dataset).sort()).toEqual(['mg2025_boundaries', 'population_series']);
  });
});
