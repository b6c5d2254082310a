// Issue 20: the question API's work (GET /api/v1/preguntar without the HTTP round trip): read the
// question, compute the figures and the related years, serialise the JSON. Goal p99 ≤ 20 ms.
// Run alone: `npx tsx bench/preguntar.ts`; `npm run bench -- preguntar` runs it through bench/index.ts.
// Reads STATS_DATA_DIR or ../shared/data (official data, never committed).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config/index.ts';
import { ANONYMOUS } from '../src/domain/actor.ts';
import { answerQuestion } from '../src/services/ask/answer-question.ts';
import { createStatsEngine } from '../src/stats/engine.ts';
import { parseDataDir } from '../src/stats/import.ts';

/** Questions of every kind (answered and not); each place name below is asked about too. */
const QUESTIONS = [
  '¿Cuántos habitantes tiene Neza?',
  'poblacion de toluca en 2010',
  'cuantos habitantes tiene izcalli 2015',
  'Población del edomex',
  'Ecatepek habitantes',
  'Netzahualcoyotl poblacion 1990',
  'POBLACION ZONA METROPOLITANA DE TIANGUISTENCO',
  'población de la ZM de Toluca',
  'cuantos habitantes tenia la region texcoco en 2000',
  'porcentaje de mujeres en Metepec',
  'población de Toluca en 2030',
  'adultos mayores en Valle de Bravo',
  'hablantes de lengua indigena en Temoaya',
  'afromexicanos en la zona metropolitana del Valle de México',
  'grado de marginación de San Felipe del Progreso en 2015',
  'viviendas con internet en la región Ixtlahuaca',
  'que porcentaje de viviendas tiene internet en metepec',
  'personas con discapacidad en Nezahualcóyotl',
  'analfabetas en la region XII',
  'tasa de desempleo en Ecatepec',
  'personas nacidas en otro estado que viven en Tecámac',
  'esperanza de vida en el Estado de México en 2030',
  'población del Estado de México en 2050',
  'poblacion de Toluca y Metepec',
  '¿cuántos homicidios hubo en Toluca?',
  'PIB de Metepec',
  'población de Jalisco',
  'poblacion de Atizapan',
  'esperanza de vida en Toluca',
  'población de Toluca en 1980',
];

type Sample = { wall: number; cpu: number };

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function line(label: string, samples: Sample[]): string {
  const wall = samples.map((s) => s.wall);
  const cpu = samples.map((s) => s.cpu);
  return `${label.padEnd(50)} n=${String(samples.length).padStart(5)}  p50=${pct(wall, 50).toFixed(2)} ms  p99=${pct(wall, 99).toFixed(2)} ms  max=${pct(wall, 100).toFixed(1)} ms  | CPU p50=${pct(cpu, 50).toFixed(2)} p99=${pct(cpu, 99).toFixed(2)} ms`;
}

const dir = process.env.STATS_DATA_DIR
  ? resolve(PROJECT_ROOT, process.env.STATS_DATA_DIR)
  : resolve(PROJECT_ROOT, '../shared/data');
if (!existsSync(dir)) {
  process.stdout.write(`!!! DATOS OFICIALES AUSENTES (${dir}): no se mide la caja de preguntas. !!!\n`);
  process.exit(0);
}
const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(', ');
process.stdout.write(`Carga de la máquina (1, 5, 15 min): ${load} en ${cpus().length} núcleos\n`);
const stats = createStatsEngine({ data: parseDataDir(dir) });
const deps = { stats, config: loadConfig({ NODE_ENV: 'production' }), clock: { now: () => new Date() } };
const places = stats.geographies().map((g) => `población de ${g.name}`);

const ask = (q: string): Sample => {
  const c = process.cpuUsage();
  const t = performance.now();
  JSON.stringify(answerQuestion(deps, ANONYMOUS, { q, locale: 'es-MX' }));
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
};

const t0 = performance.now();
ask('habitantes de Toluca');
process.stdout.write(`Primera pregunta (arma el vocabulario): ${(performance.now() - t0).toFixed(0)} ms\n\n`);
const first = [...QUESTIONS, ...places].map(ask);
process.stdout.write(`${line('preguntar, primera vez (motor sin caché)', first)}\n`);
const repeated: Sample[] = [];
for (let round = 0; round < 20; round++) for (const q of QUESTIONS) repeated.push(ask(q));
process.stdout.write(`${line('preguntar, repetidas (motor con caché)', repeated)}\n`);
