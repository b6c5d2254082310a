/** The engine's in-memory fact store: every loaded figure indexed variable → year → geo. */
import { aggregateSum, type Cell, MISSING } from '../../domain/aggregation.ts';
import type { DatasetId } from '../../domain/indicators.ts';
import type { Fact } from '../engine.ts';

const HIGH_GRADES = new Set(['Alto', 'Muy alto']);

/** One urban AGEB as CONAPO's IMU publishes it: its key, locality name and figures. */
export type AgebEntry = { code: string; locality: string | null; facts: ReadonlyMap<string, Fact> };

export const cellOf = (f: Fact | undefined): Cell => (f ? { value: f.value, status: f.status } : MISSING);

/** Facts indexed variable → year → geo, so a lookup is three Map reads. */
export class FactStore {
  private readonly byVar = new Map<string, Map<number, Map<string, Fact>>>();
  readonly datasets = new Set<DatasetId>();
  /** Urban AGEB count per municipality (CONAPO IMU), for polygon notes. */
  readonly agebsByMun = new Map<string, number>();
  /** Urban AGEBs by municipality (15MMM), in key order, with every stored figure (AGEB tables). */
  readonly agebTable = new Map<string, AgebEntry[]>();
  /** Urban AGEB keys by locality (15MMMLLLL). */
  readonly agebsByLocality = new Map<string, string[]>();
  /** Locality positions from the full ITER (empty with the staged subset). */
  readonly localities: { code: string; lon: number; lat: number }[] = [];

  constructor(facts: readonly Fact[]) {
    const positions = new Map<string, { lon?: number; lat?: number }>();
    for (const f of facts) {
      this.datasets.add(f.dataset);
      if (f.dataset === 'conapo_imu_ageb') continue;
      if (f.variable === 'loc.lon' || f.variable === 'loc.lat') {
        const p = positions.get(f.geo) ?? {};
        p[f.variable === 'loc.lon' ? 'lon' : 'lat'] = f.value ?? undefined;
        positions.set(f.geo, p);
        continue;
      }
      this.put(f);
    }
    for (const [code, p] of positions)
      if (p.lon !== undefined && p.lat !== undefined) this.localities.push({ code, lon: p.lon, lat: p.lat });
    this.rollUpAgebs(facts.filter((f) => f.dataset === 'conapo_imu_ageb'));
  }

  private put(f: Fact) {
    let years = this.byVar.get(f.variable);
    if (!years) {
      years = new Map();
      this.byVar.set(f.variable, years);
    }
    let geos = years.get(f.year);
    if (!geos) {
      geos = new Map();
      years.set(f.year, geos);
    }
    geos.set(f.geo, f);
  }

  /** AGEB rows become municipal sums: urban population, population in high-marginalization AGEBs, AGEB count. */
  private rollUpAgebs(facts: readonly Fact[]) {
    type AgebFacts = { pop?: Fact; grade?: Fact; all: Map<string, Fact> };
    const byAgeb = new Map<string, AgebFacts>();
    for (const f of facts) {
      const e: AgebFacts = byAgeb.get(f.geo) ?? { all: new Map() };
      if (f.variable === 'imu.POB_TOTAL') e.pop = f;
      if (f.variable === 'imu.GM') e.grade = f;
      e.all.set(f.variable, f);
      byAgeb.set(f.geo, e);
    }
    for (const [ageb, e] of [...byAgeb].sort(([a], [b]) => a.localeCompare(b))) {
      const mun = ageb.slice(0, 5);
      const list = this.agebTable.get(mun) ?? [];
      list.push({ code: ageb, locality: e.all.get('imu.NOM_LOC')?.text ?? null, facts: e.all });
      this.agebTable.set(mun, list);
    }
    const sums = new Map<string, { year: number; pop: Cell[]; high: Cell[] }>();
    for (const [ageb, e] of byAgeb) {
      if (!e.pop) continue;
      const mun = ageb.slice(0, 5);
      const s = sums.get(mun) ?? { year: e.pop.year, pop: [], high: [] };
      const isHigh = e.grade?.text ? HIGH_GRADES.has(e.grade.text) : false;
      const high: Cell = isHigh ? e.pop : { value: 0, status: 'ok' };
      s.pop.push(e.pop);
      s.high.push(high);
      sums.set(mun, s);
      // AGEB-level figures too, for polygons resolved by locality position.
      this.put(e.pop);
      this.put({ ...e.pop, variable: 'imu.POB_HIGH', value: high.value, status: high.status });
      this.agebsByMun.set(mun, (this.agebsByMun.get(mun) ?? 0) + 1);
      const loc = ageb.slice(0, 9);
      this.agebsByLocality.set(loc, [...(this.agebsByLocality.get(loc) ?? []), ageb]);
    }
    for (const [mun, s] of sums) {
      for (const [variable, cells] of [
        ['imu.POB_TOTAL', s.pop],
        ['imu.POB_HIGH', s.high],
      ] as const) {
        const agg = aggregateSum(cells.map((cell, i) => ({ code: String(i), weight: 1, cell })));
        this.put({
          dataset: 'conapo_imu_ageb',
          variable,
          geo: mun,
          year: s.year,
          value: agg.status === 'ok' ? agg.value : null,
          text: null,
          status: agg.status === 'ok' ? 'ok' : agg.status === 'suppressed' ? 'suppressed' : 'not_available',
        });
      }
    }
  }

  get(variable: string, geo: string, year: number): Fact | undefined {
    return this.byVar.get(variable)?.get(year)?.get(geo);
  }

  hasYear(variable: string, year: number): boolean {
    return (this.byVar.get(variable)?.get(year)?.size ?? 0) > 0;
  }
}
