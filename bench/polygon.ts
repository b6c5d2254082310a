// Issue 16 finding 5: a maximum-size polygon (the intake's vertex limit) on POST /api/v1/values must not
// freeze the server. Prints the wall time of that request (goal < 1 s) and the slowest /healthz answer
// while it is being resolved (goal < 100 ms), on PGlite with the official data of ../shared/data.
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
  // The closing point counts as a vertex too: LIMITS.geojsonVertices in all.
  const body = JSON.stringify({ indicators: ['population_total'], geo: ring(LIMITS.geojsonVertices - 1) });
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
  const t0 = performance.now();
  const res = await fetch(`${server.url}/api/v1/values`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await res.text();
  const wall = performance.now() - t0;
  done = true;
  await probe;
  console.log(machine());
  console.log(
    `polígono de ${LIMITS.geojsonVertices} vértices: HTTP ${res.status}, ${wall.toFixed(0)} ms (meta < 1000 ms)`,
  );
  console.log(
    `/healthz más lento durante la resolución: ${slowest.toFixed(0)} ms en ${probes} consultas (meta < 100 ms)`,
  );
} finally {
  await server.kill9();
  await place.cleanup();
}
