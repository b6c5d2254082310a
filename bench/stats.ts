// Statistics engine, in process: `values` for every indicator × every municipality, region and zone
// (goal p99 ≤ 5 ms), and custom polygons covering ~1,000 urban AGEBs (goal p99 ≤ 25 ms).
// Run alone: `npx tsx bench/stats.ts`; `npm run bench` runs it through bench/index.ts.
// Reads STATS_DATA_DIR or ../shared/data (official data, never committed).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/config/index.ts';
import type { PolygonGeometry } from '../src/domain/geography.ts';
import { createStatsEngine, type StatsEngine } from '../src/stats/engine.ts';
import { parseDataDir } from '../src/stats/import.ts';

/** Wall-clock and CPU time of one call, in ms (CPU time is not inflated when the machine is busy). */
type Sample = { wall: number; cpu: number };
type Figures = {
  label: string;
  n: number;
  p50: number;
  p99: number;
  max: number;
  cpuP50: number;
  cpuP99: number;
};

function figures(label: string, samples: Sample[]): Figures {
  const pick = (key: keyof Sample) => {
    const s = samples.map((x) => x[key]).sort((a, b) => a - b);
    return (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  };
  const [wall, cpu] = [pick('wall'), pick('cpu')];
  return {
    label,
    n: samples.length,
    p50: wall(50),
    p99: wall(99),
    max: wall(100),
    cpuP50: cpu(50),
    cpuP99: cpu(99),
  };
}

const fmt = (f: Figures) =>
  `${f.label.padEnd(52)} n=${String(f.n).padStart(6)}  p50=${f.p50.toFixed(3)} ms  p99=${f.p99.toFixed(3)} ms  max=${f.max.toFixed(1)} ms  | CPU p50=${f.cpuP50.toFixed(3)} p99=${f.cpuP99.toFixed(3)} ms`;

function time(fn: () => void): Sample {
  const c = process.cpuUsage();
  const t = performance.now();
  try {
    fn();
  } catch {
    // 422 (not aggregable, state-only) is an answer too: it is timed like the others.
  }
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Every indicator × every municipality, region and zone, at the latest year (or every year). */
function benchValues(engine: StatsEngine, allYears: boolean): Sample[] {
  const places = [...engine.geographies('mun'), ...engine.geographies('region'), ...engine.geographies('zm')];
  const ms: Sample[] = [];
  for (const ind of engine.indicators())
    for (const p of places)
      for (const year of allYears ? ind.years : [undefined])
        ms.push(time(() => engine.value({ indicator: ind.id, geo: p.id, year })));
  return ms;
}

/** A rectangle over the north-east of the Valle de México (Ecatepec, Coacalco, Tecámac…), nudged per run. */
function polygon(i: number): PolygonGeometry {
  const d = i * 1e-5;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [-99.1 + d, 19.5],
        [-98.95, 19.5],
        [-98.95, 19.65 - d],
        [-99.1 + d, 19.65 - d],
        [-99.1 + d, 19.5],
      ],
    ],
  };
}

const POLY_INDICATORS = [
  'population_total',
  'pct_female',
  'occupied_dwellings',
  'pct_urban_population_high_marginalization',
];

export function benchStats(dir: string): string[] {
  const out: string[] = [
    `Carga de la máquina (1, 5, 15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} en ${cpus().length} núcleos`,
  ];
  let t = performance.now();
  const data = parseDataDir(dir);
  out.push(
    `Datos: ${data.datasets.length} conjuntos, ${data.facts.length} cifras, leídos en ${Math.round(performance.now() - t)} ms`,
  );
  t = performance.now();
  const engine = createStatsEngine({ data });
  out.push(`Motor cargado en memoria en ${Math.round(performance.now() - t)} ms`);
  const places =
    engine.geographies('mun').length + engine.geographies('region').length + engine.geographies('zm').length;
  out.push(
    `${engine.indicators().length} indicadores × ${places} lugares (125 municipios, 20 regiones, 3 zonas)\n`,
  );

  out.push(fmt(figures('values, último año, primera vez (sin caché)', benchValues(engine, false))));
  out.push(fmt(figures('values, último año, repetido (con caché)', benchValues(engine, false))));
  const fresh = createStatsEngine({ data });
  out.push(fmt(figures('values, todos los años, primera vez (sin caché)', benchValues(fresh, true))));

  const units = engine.resolveGeo(polygon(0)).units!;
  // A different polygon each time (nudged by 1e-5°), so nothing is cached between runs.
  const convex = Array.from({ length: 1000 }, (_, i) => polygon(i + 1));
  const poly = convex.map((geo) => time(() => engine.table({ indicators: POLY_INDICATORS, geo })));
  out.push(
    fmt(
      figures(
        `polígono (${units.municipalities} municipios, ${units.urbanAgebs} AGEB), ${POLY_INDICATORS.length} indicadores`,
        poly,
      ),
    ),
  );
  const concave = convex.slice(0, 300).map((p): PolygonGeometry => {
    const ring = p.coordinates[0] as number[][];
    // A notch in the top edge makes it concave: it is cut into triangles first.
    return {
      type: 'Polygon',
      coordinates: [[ring[0]!, ring[1]!, ring[2]!, [-99.02, 19.6], ring[3]!, ring[4]!]],
    };
  });
  const notched = concave.map((geo) => time(() => engine.table({ indicators: POLY_INDICATORS, geo })));
  out.push(fmt(figures('polígono cóncavo (triangulado), mismos indicadores', notched)));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.env.STATS_DATA_DIR
    ? resolve(PROJECT_ROOT, process.env.STATS_DATA_DIR)
    : resolve(PROJECT_ROOT, '../shared/data');
  if (!existsSync(dir)) {
    process.stdout.write(`!!! DATOS OFICIALES AUSENTES (${dir}): no se mide el motor de estadística. !!!\n`);
    process.exit(0);
  }
  for (const line of benchStats(dir)) process.stdout.write(`${line}\n`);
}
