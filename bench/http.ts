// Public status page throughput against a bare node:http server in the same run, memory (RSS) at idle
// and under load, and cold start to the first page. Each server is a child process, loaded by
// autocannon from this one. Run alone: `npx tsx bench/http.ts [seconds]` (PostgreSQL rows too when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set). `npm run bench -- http` runs it through bench/index.ts.

import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { freePort, startAppProcess, waitFor } from '../test/helpers/processes.ts';
import { requestBody } from '../test/integration/reliability/harness.ts';
import { benchEnvironment } from './support/environment.ts';
import { machine } from './support/machine.ts';

const CONNECTIONS = 10;

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; peakRssMb: number };

/** autocannon for `seconds` against `url`, sampling the server's RSS meanwhile. */
export async function hammer(
  url: string,
  pid: number,
  seconds: number,
  headers: Record<string, string> = {},
) {
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 200);
  try {
    const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
    return {
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      peakRssMb: peak,
    } satisfies Load;
  } finally {
    clearInterval(sampler);
  }
}

async function helloServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('hola'); }).listen(${port}, '127.0.0.1')`,
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitFor('hello server', async () => ((await fetch(url)).ok ? true : undefined));
  return { url, child };
}

type EngineRow = {
  engine: string;
  coldStartMs: number;
  idleRssMb: number;
  page: Load;
  api: Load;
};

async function benchEngine(engine: 'pglite' | 'postgres', seconds: number): Promise<EngineRow | null> {
  const place = await benchEnvironment(engine, 'http');
  if (!place) return null;
  const { env } = place;
  const started = performance.now();
  const server = await startAppProcess({
    name: `server-${engine}`,
    role: 'server',
    env,
    readyTimeoutMs: 120_000,
  });
  try {
    // Cold start: process spawn → the home page answered 200 (the /healthz poll runs every 150 ms).
    const home = await fetch(`${server.url}/`);
    if (home.status !== 200) throw new Error(`GET / → ${home.status}`);
    const coldStartMs = performance.now() - started;
    const res = await fetch(`${server.url}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestBody('bench-http', 1)),
    });
    if (res.status !== 201) throw new Error(`POST → ${res.status}: ${await res.text()}`);
    const { folio, trackingToken } = (await res.json()) as { folio: string; trackingToken: string };
    // Let start-up work (migrations, seal, first jobs) settle before the idle reading.
    await new Promise((r) => setTimeout(r, 3000));
    const idleRssMb = rssMb(server.child.pid!);
    const pageUrl = `${server.url}/seguimiento/${encodeURIComponent(folio)}/${trackingToken}`;
    const check = await fetch(pageUrl);
    if (check.status !== 200) throw new Error(`status page → ${check.status}`);
    const page = await hammer(pageUrl, server.child.pid!, seconds);
    const api = await hammer(
      `${server.url}/api/v1/requests/${encodeURIComponent(folio)}`,
      server.child.pid!,
      seconds,
      {
        authorization: `Bearer ${trackingToken}`,
      },
    );
    return { engine: engine === 'pglite' ? 'PGlite' : 'PostgreSQL', coldStartMs, idleRssMb, page, api };
  } finally {
    await server.stop();
    await place.cleanup();
  }
}

export async function benchHttp(seconds = 10) {
  const hello = await helloServer();
  const helloLoad = await hammer(hello.url, hello.child.pid!, seconds);
  hello.child.kill('SIGKILL');
  const rows: EngineRow[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    const r = await benchEngine(engine, seconds);
    if (r) rows.push(r);
  }
  return { seconds, hello: helloLoad, rows };
}

const f0 = (n: number) => Math.round(n).toLocaleString('en');
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;

export function formatHttp(r: Awaited<ReturnType<typeof benchHttp>>): string {
  const lines = [
    `autocannon, ${CONNECTIONS} connections, ${r.seconds} s per row; servers are child processes (NODE_ENV=production, LOG_LEVEL=warn).`,
    '',
    '| Server | Route | req/s | vs node:http | p50 | p99 | non-2xx | peak RSS |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    `| bare node:http | \`GET /\` "hola" | ${f0(r.hello.rps)} | 100 % | ${r.hello.p50} ms | ${r.hello.p99} ms | ${r.hello.non2xx} | ${r.hello.peakRssMb.toFixed(0)} MB |`,
  ];
  for (const row of r.rows) {
    for (const [route, l] of [
      ['status page `GET /seguimiento/{folio}/{token}` (HTML)', row.page],
      ['status API `GET /api/v1/requests/{folio}` (Bearer)', row.api],
    ] as const) {
      lines.push(
        `| Dato Oficial, ${row.engine} | ${route} | ${f0(l.rps)} | ${pct(l.rps, r.hello.rps)} | ${l.p50} ms | ${l.p99} ms | ${l.non2xx + l.errors} | ${l.peakRssMb.toFixed(0)} MB |`,
      );
    }
  }
  lines.push(
    '',
    '| Server | Cold start → first page (`GET /` 200) | RSS at idle | RSS peak under load |',
    '|---|---:|---:|---:|',
  );
  for (const row of r.rows)
    lines.push(
      `| Dato Oficial, ${row.engine} (\`npm start\`) | ${(row.coldStartMs / 1000).toFixed(2)} s | ${row.idleRssMb.toFixed(0)} MB | ${Math.max(row.page.peakRssMb, row.api.peakRssMb).toFixed(0)} MB |`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 10);
  const r = await benchHttp(seconds);
  process.stdout.write(`\n${machine()}\n\n${formatHttp(r)}\n`);
  if (r.rows.length < 2)
    process.stdout.write('(PostgreSQL omitido: define BENCH_DATABASE_URL o TEST_DATABASE_URL)\n');
}
