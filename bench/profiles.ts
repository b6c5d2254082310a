// Place profiles (issue 20): req/s of /lugares/{slug} served by a production server with the official
// data (PGlite), over all 149 places — from the public page cache (as visitors get them) and rendered
// every time (each request with ?lang=es, which the cache never keeps). The server is a child process,
// loaded by autocannon from this one. Run alone: `npx tsx bench/profiles.ts [seconds]`;
// `npm run bench -- profiles`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { startAppProcess, waitFor } from '../test/helpers/processes.ts';
import { benchEnvironment } from './support/environment.ts';
import { machine } from './support/machine.ts';

const CONNECTIONS = 10;

type Load = { rps: number; p50: number; p99: number; non2xx: number };

async function load(base: string, paths: string[], seconds: number): Promise<Load> {
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

export async function benchProfiles(seconds = 10) {
  const officialData = process.env.STATS_DATA_DIR ?? resolve(PROJECT_ROOT, '../shared/data');
  const place = await benchEnvironment('pglite', 'profiles', { STATS_DATA_DIR: officialData });
  if (!place) throw new Error('no bench environment');
  const server = await startAppProcess({
    name: 'profiles',
    role: 'server',
    env: place.env,
    readyTimeoutMs: 120_000,
  });
  try {
    // The official data is imported after the port opens: wait until the engine has it.
    await waitFor(
      'official data imported',
      async () => {
        const d = (await (await fetch(`${server.url}/api/v1/datasets`)).json()) as unknown[];
        return d.length > 0 ? true : undefined;
      },
      { timeoutMs: 900_000, everyMs: 1000 },
    );
    const index = await (await fetch(`${server.url}/lugares`)).text();
    const slugs = [...new Set([...index.matchAll(/href="\/lugares\/([a-z0-9-]+)"/g)].map((m) => m[1]!))];
    if (slugs.length === 0) throw new Error('/lugares lists no place');
    const paths = slugs.map((s) => `/lugares/${s}`);
    // One render of each page: its size, and every place answers 200 before anything is timed.
    let bytes = 0;
    for (const p of paths) {
      const res = await fetch(`${server.url}${p}`);
      if (res.status !== 200) throw new Error(`${p} → ${res.status}`);
      bytes += (await res.arrayBuffer()).byteLength;
    }
    const cached = await load(server.url, paths, seconds);
    const rendered = await load(
      server.url,
      paths.map((p) => `${p}?lang=es`),
      seconds,
    );
    return { places: slugs.length, meanKb: bytes / slugs.length / 1024, cached, rendered, seconds };
  } finally {
    await server.stop();
    await place.cleanup();
  }
}

const f0 = (n: number) => Math.round(n).toLocaleString('en');

export function formatProfiles(r: Awaited<ReturnType<typeof benchProfiles>>): string {
  return [
    `${r.places} profiles (mean ${r.meanKb.toFixed(0)} KB of HTML), autocannon ${CONNECTIONS} connections, ${r.seconds} s per row, PGlite, NODE_ENV=production.`,
    '',
    '| Profile pages | req/s | p50 | p99 | non-2xx |',
    '|---|---:|---:|---:|---:|',
    `| from the page cache (\`GET /lugares/{slug}\`) | ${f0(r.cached.rps)} | ${r.cached.p50} ms | ${r.cached.p99} ms | ${r.cached.non2xx} |`,
    `| rendered each time (\`GET /lugares/{slug}?lang=es\`) | ${f0(r.rendered.rps)} | ${r.rendered.p50} ms | ${r.rendered.p99} ms | ${r.rendered.non2xx} |`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 10);
  const r = await benchProfiles(seconds);
  process.stdout.write(`\n${machine()}\n\n${formatProfiles(r)}\n`);
}
