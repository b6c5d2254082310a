// Issue 16 finding 5: a maximum-size polygon (the intake's vertex limit) on POST /api/v1/values must not
// freeze the server. Prints the wall time of that request (goal < 1 s) and the slowest /healthz answer
// while it is being resolved (goal < 100 ms), on PGlite with the official data of ../shared/data.
import { readFileSync } from 'node:fs';
import { LIMITS } from '../src/services/requests/request-input.ts';
import { startAppProcess, waitFor } from '../test/helpers/processes.ts';
import { sharedDataDir } from '../test/helpers/shared-data.ts';
import { benchEnvironment } from './support/environment.ts';
import { machine } from './support/machine.ts';

/** A closed ring of `n` vertices around the Toluca valley (crosses several municipalities). */
function ring(n: number) {
  const pts = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    // Five decimals (about a metre), as a drawn or exported polygon would have: within the byte limit.
    return [+(-99.6 + 0.25 * Math.cos(a)).toFixed(5), +(19.3 + 0.2 * Math.sin(a)).toFixed(5)];
  });
  return { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
}

const data = sharedDataDir();
const place = await benchEnvironment('pglite', 'polygon', data ? { STATS_DATA_DIR: data } : {});
if (!place) throw new Error('sin entorno');
const server = await startAppProcess({
  name: 'polygon',
  role: 'server',
  env: place.env,
  readyTimeoutMs: 300_000,
});
try {
  // The statistics load in the background after start: wait until the catalog answers with data.
  await waitFor(
    'datos cargados',
    async () => {
      const res = await fetch(`${server.url}/api/v1/datasets`);
      const list = (await res.json()) as unknown[];
      return list.length > 0 ? true : undefined;
    },
    { timeoutMs: 600_000, everyMs: 1000 },
  );
  /**
   * The server's CPU time so far, in ms (utime + stime, 10 ms ticks): unlike wall time, not inflated
   * when the other engineers' work shares the machine's two cores.
   */
  const serverCpu = () => {
    const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };

  /** Probes /healthz every 20 ms while `work` runs; the slowest answer and how many. */
  async function duringWork<T>(work: () => Promise<T>) {
    let done = false;
    let slowest = 0;
    let probes = 0;
    const probe = (async () => {
      while (!done) {
        const t0 = performance.now();
        await (await fetch(`${server.url}/healthz`)).text();
        slowest = Math.max(slowest, performance.now() - t0);
        probes++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const [t0, cpu0] = [performance.now(), serverCpu()];
    const result = await work();
    const [wall, cpu] = [performance.now() - t0, serverCpu() - cpu0];
    done = true;
    await probe;
    return { result, wall, cpu, slowest, probes };
  }

  console.log(machine());
  // What /healthz takes with nothing else to do (start-up work in the background shows here too).
  const idle = await duringWork(() => new Promise((r) => setTimeout(r, 2000)));
  console.log(
    `/healthz sin polígono (2 s): el más lento ${idle.slowest.toFixed(0)} ms en ${idle.probes} consultas`,
  );
  // Three polygons at the limit, each a little different (the engine keeps a resolved polygon): the
  // first pays for the process's first clipping, the others show the steady state.
  for (let run = 0; run < 3; run++) {
    // The closing point counts as a vertex too: LIMITS.geojsonVertices in all.
    const body = JSON.stringify({
      indicators: ['population_total'],
      geo: ring(LIMITS.geojsonVertices - 1 - run),
    });
    const {
      result: status,
      wall,
      cpu,
      slowest,
      probes,
    } = await duringWork(async () => {
      const res = await fetch(`${server.url}/api/v1/values`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.text();
      return res.status;
    });
    console.log(
      `polígono ${run + 1} de ${LIMITS.geojsonVertices - run} vértices: HTTP ${status}, ${wall.toFixed(0)} ms (meta < 1000 ms; CPU del servidor ${cpu} ms); /healthz más lento mientras tanto: ${slowest.toFixed(0)} ms en ${probes} consultas (meta < 100 ms)`,
    );
  }
} finally {
  await server.kill9();
  await place.cleanup();
}
