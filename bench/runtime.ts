// Issue 21's table in one run: start-up (fresh data folder, restart), idle memory with the official data
// loaded, public pages and the data API and the status API against a bare node:http server started in
// the same run, and (with PostgreSQL) durable intake and automatic answers at 10/s.
// `npm start` is spawned exactly as an operator runs it (npm → prestart → node dist/main.js).
// Run alone: `npx tsx bench/runtime.ts [seconds]`; `npm run bench -- runtime`. PostgreSQL rows need
// BENCH_DATABASE_URL or TEST_DATABASE_URL.
import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ensureBuilt } from '../scripts/build.js';
import { PROJECT_ROOT } from '../src/config/index.ts';
import { freePort, waitFor } from '../test/helpers/processes.ts';
import { requestBody } from '../test/integration/reliability/harness.ts';
import { benchAutoAnswer } from './auto-answer.ts';
import { rssMb } from './http.ts';
import { benchIntakeAll } from './intake.ts';
import { machine } from './support/machine.ts';

const CONNECTIONS = 16;

type Throughput = { rps: number; p50: number; p99: number; non2xx: number };

async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Throughput> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

/** CPU time (user + system) a process has used so far, from /proc. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

type Started = { child: ChildProcess; url: string; ms: number; serverPid: number };

/** `npm start` in production mode; resolves when /healthz answers 200 (polled every 25 ms). */
async function npmStart(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    detached: true,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'npm start /healthz',
    async () =>
      (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok ? true : undefined,
    { timeoutMs: 300_000, everyMs: 25 },
  );
  const ms = performance.now() - started;
  // The node process npm started (the server itself), for RSS and CPU readings.
  const serverPid = Number(
    execSync(`pgrep -g ${child.pid} -f "^node dist/main.js"`, { encoding: 'utf8' }).trim().split('\n')[0],
  );
  return { child, url, ms, serverPid };
}

async function stop(s: Started) {
  const exited = new Promise((r) => s.child.once('exit', r));
  process.kill(-s.child.pid!, 'SIGTERM');
  await exited;
}

export async function benchRuntime(seconds = 10) {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'dato-bench-runtime-'));
  const officialData = join(PROJECT_ROOT, '../shared/data');
  const env = { DATA_DIR: dataDir, STATS_DATA_DIR: officialData, RATE_LIMIT_DISABLED: '1' };
  type Row = { measure: string; value: string; vsBare?: string; goal: string };
  const rows: Row[] = [];
  // Each row is printed as soon as it is measured, so a later failure keeps the earlier figures.
  const push = rows.push.bind(rows);
  rows.push = (...r: Row[]) => {
    for (const x of r) process.stderr.write(`  ${x.measure}: ${x.value} ${x.vsBare ?? ''}\n`);
    return push(...r);
  };
  try {
    // 1. Fresh data folder. The official data import starts after the port is open; wait for it.
    const fresh = await npmStart(env);
    const freshCpu = cpuMs(fresh.serverPid);
    rows.push({
      measure: '`npm start`, fresh data folder → `/healthz` 200 (PGlite)',
      value: `${(fresh.ms / 1000).toFixed(1)} s (server CPU ${(freshCpu / 1000).toFixed(1)} s)`,
      goal: '≤ 3 s',
    });
    await waitFor(
      'official data imported',
      async () => {
        const d = (await (await fetch(`${fresh.url}/api/v1/datasets`)).json()) as unknown[];
        return d.length > 0 ? true : undefined;
      },
      { timeoutMs: 600_000, everyMs: 1000 },
    );
    await new Promise((r) => setTimeout(r, 5000));
    await stop(fresh);

    // 2. Restart on the same folder, data loaded; idle RSS after the warm-up settles.
    const server = await npmStart(env);
    const restartCpu = cpuMs(server.serverPid);
    rows.push({
      measure: 'restart on the same data folder → `/healthz` 200',
      value: `${(server.ms / 1000).toFixed(1)} s (server CPU ${(restartCpu / 1000).toFixed(1)} s)`,
      goal: '≤ 1.5 s',
    });
    await new Promise((r) => setTimeout(r, 10_000));
    rows.push({
      measure: 'RSS of the `npm start` process at idle (PGlite, data loaded)',
      value: `${rssMb(server.serverPid).toFixed(0)} MB`,
      goal: '≤ 250 MB',
    });

    // 3. Throughput against a bare node:http server started in this run.
    const barePort = await freePort();
    const bare = spawn(
      process.execPath,
      [
        '-e',
        `require('node:http').createServer((q, s) => { s.setHeader('content-type', 'text/plain'); s.end('hola'); }).listen(${barePort}, '127.0.0.1')`,
      ],
      { stdio: 'ignore' },
    );
    const bareUrl = `http://127.0.0.1:${barePort}/`;
    await waitFor('bare server', async () => ((await fetch(bareUrl)).ok ? true : undefined));
    const hola = await load(bareUrl, seconds);
    bare.kill('SIGKILL');
    const res = await fetch(`${server.url}/api/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(requestBody('bench-runtime', 1)),
    });
    const { folio, trackingToken } = (await res.json()) as { folio: string; trackingToken: string };
    const targets: [string, string, Record<string, string>, string][] = [
      ['home page', '/', {}, '≥ 50 %'],
      ['`/datos`', '/datos', {}, '≥ 50 %'],
      [
        '`GET /api/v1/values`',
        '/api/v1/values?indicator=population_total&geo=mun:15106&year=2020',
        {},
        '≥ 50 %',
      ],
      [
        '`GET /api/v1/requests/{folio}` (status, Bearer)',
        `/api/v1/requests/${encodeURIComponent(folio)}`,
        { authorization: `Bearer ${trackingToken}` },
        '≥ 25 %',
      ],
    ];
    rows.push({
      measure: `bare \`node:http\` "hola" (autocannon, ${CONNECTIONS} conn., ${seconds} s)`,
      value: `${Math.round(hola.rps).toLocaleString('en')} req/s`,
      goal: '',
    });
    for (const [name, path, headers, goal] of targets) {
      const probe = await fetch(`${server.url}${path}`, { headers });
      if (probe.status !== 200) throw new Error(`${path} → ${probe.status}`);
      const t = await load(`${server.url}${path}`, seconds, headers);
      rows.push({
        measure: `${name} req/s vs bare`,
        value: `${Math.round(t.rps).toLocaleString('en')} req/s (p50 ${t.p50} ms, p99 ${t.p99} ms, non-2xx ${t.non2xx})`,
        vsBare: `${((100 * t.rps) / hola.rps).toFixed(1)} %`,
        goal,
      });
    }
    await stop(server);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  // 4. PostgreSQL: durable intake and automatic answers at 10/s (the benches of their own, reused).
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) {
    try {
      const intake = (await benchIntakeAll(seconds)).filter((r) => r.setup.startsWith('PostgreSQL'));
      const best = intake.sort((a, b) => b.perSecond - a.perSecond)[0];
      if (best)
        rows.push({
          measure: `durable intake on PostgreSQL (${best.setup})`,
          value: `${best.perSecond.toFixed(0)}/s`,
          goal: '≥ 300/s',
        });
    } catch (err) {
      rows.push({
        measure: 'durable intake on PostgreSQL',
        value: `failed: ${(err as Error).message}`,
        goal: '≥ 300/s',
      });
    }
    try {
      const aa = await benchAutoAnswer('postgres', { n: 60, perSecond: 10 });
      if (aa)
        rows.push({
          measure: 'automatic answers, PostgreSQL, 10/s arrivals (one web+worker process)',
          value: `p95 ${(aa.p95Ms / 1000).toFixed(2)} s, ${aa.lost} lost`,
          goal: 'p95 ≤ 1 s, 0 lost',
        });
    } catch (err) {
      rows.push({
        measure: 'automatic answers, PostgreSQL, 10/s arrivals',
        value: `failed: ${(err as Error).message.slice(0, 120)}`,
        goal: 'p95 ≤ 1 s, 0 lost',
      });
    }
  } else
    rows.push({
      measure: 'PostgreSQL rows',
      value: 'skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL',
      goal: '',
    });
  return rows;
}

export function formatRuntime(rows: Awaited<ReturnType<typeof benchRuntime>>): string {
  return [
    '| Measure | Now | vs bare | Goal |',
    '|---|---|---:|---|',
    ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.vsBare ?? ''} | ${r.goal} |`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 10);
  const header = machine();
  const rows = await benchRuntime(seconds);
  process.stdout.write(
    `\n${header}\n\n${formatRuntime(rows)}\nload average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}\n`,
  );
}
