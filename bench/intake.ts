// Intake: durable submissions per second through POST /api/v1/requests (each one its own requester,
// so the duplicate guard never fires), on PGlite and on PostgreSQL. A submission counts when it got a
// 201 AND its row is in the database afterwards (read back from a fresh connection / after restart).
// Run alone: `npx tsx bench/intake.ts [seconds]`; `npm run bench -- intake` runs it via bench/index.ts.

import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { type AppProcess, type ProcessRole, startAppProcess } from '../test/helpers/processes.ts';
import { requestBody } from '../test/integration/reliability/harness.ts';
import { rssMb } from './http.ts';
import { benchEnvironment } from './support/environment.ts';
import { machine } from './support/machine.ts';

const CONNECTIONS = 20;

type IntakeRow = {
  setup: string;
  seconds: number;
  created: number;
  stored: number;
  perSecond: number;
  p50: number;
  p99: number;
  other: number;
  peakRssMb: number;
  durability: string;
};

async function countStored(engine: 'pglite' | 'postgres', where: string): Promise<number> {
  if (engine === 'postgres') {
    const c = new pg.Client({ connectionString: where });
    await c.connect();
    try {
      return Number((await c.query('SELECT count(*) AS n FROM requests')).rows[0].n);
    } finally {
      await c.end();
    }
  }
  // PGlite: the server is stopped; open its data directory as the next start would.
  const handle = await openDatabase({ dataDir: where });
  try {
    const r = await handle.db.execute('SELECT count(*) AS n FROM requests');
    return Number((r as unknown as { rows: { n: number }[] }).rows[0]!.n);
  } finally {
    await handle.close();
  }
}

async function durabilitySettings(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const get = async (k: string) => (await c.query(`SHOW ${k}`)).rows[0][k];
    return `fsync=${await get('fsync')}, synchronous_commit=${await get('synchronous_commit')}`;
  } finally {
    await c.end();
  }
}

async function benchIntake(
  engine: 'pglite' | 'postgres',
  seconds: number,
  webProcesses = 1,
): Promise<IntakeRow | null> {
  const place = await benchEnvironment(engine, 'intake', {
    // The jobs wait in the outbox: this measures accepting, not answering.
    AUTO_ANSWER: 'off',
    SESSION_SECRET: 'bench-intake-secret-bench-intake-secret-0123456789',
  });
  if (!place) return null;
  const { db, env } = place;

  // PGlite is one process (web + worker, `npm start`); PostgreSQL runs web-only processes.
  const role: ProcessRole = engine === 'pglite' ? 'server' : 'web';
  const servers: AppProcess[] = [];
  try {
    for (let i = 0; i < webProcesses; i++)
      servers.push(await startAppProcess({ name: `${engine}-${i}`, role, env, readyTimeoutMs: 120_000 }));
    let n = 0;
    let peak = 0;
    const sampler = setInterval(() => {
      for (const s of servers) peak = Math.max(peak, rssMb(s.child.pid!));
    }, 250);
    const runs = await Promise.all(
      servers.map((s) =>
        autocannon({
          url: `${s.url}/api/v1/requests`,
          connections: CONNECTIONS / webProcesses,
          duration: seconds,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                body: JSON.stringify(requestBody(`intake-${s.name}`, n++)),
              }),
            },
          ],
        }),
      ),
    );
    clearInterval(sampler);
    for (const s of servers) await s.stop();
    const created = runs.reduce((a, r) => a + r['2xx'], 0);
    const stored = await countStored(engine, db?.url ?? env.DATA_DIR);
    return {
      setup:
        engine === 'pglite'
          ? 'PGlite, `npm start` (1 process)'
          : `PostgreSQL, ${webProcesses} × \`start:web\``,
      seconds,
      created,
      stored,
      perSecond: Math.min(created, stored) / seconds,
      p50: Math.max(...runs.map((r) => r.latency.p50)),
      p99: Math.max(...runs.map((r) => r.latency.p99)),
      other: runs.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0),
      peakRssMb: peak,
      durability: db ? await durabilitySettings(db.url) : 'PGlite WAL in DATA_DIR (relaxed durability off)',
    };
  } finally {
    await Promise.all(servers.map((s) => s.kill9()));
    await place.cleanup();
  }
}

export async function benchIntakeAll(seconds = 10): Promise<IntakeRow[]> {
  const rows: IntakeRow[] = [];
  for (const [engine, procs] of [
    ['pglite', 1],
    ['postgres', 1],
    ['postgres', 2],
  ] as const) {
    const r = await benchIntake(engine, seconds, procs);
    if (r) rows.push(r);
  }
  return rows;
}

export function formatIntake(rows: IntakeRow[]): string {
  return [
    `autocannon, ${CONNECTIONS} connections in all, POST /api/v1/requests with a distinct requester each time.`,
    '',
    '| Setup | Duration | 201 | Rows stored | Durable submissions/s | p50 | p99 | Other answers | Peak RSS (max per process) | Durability |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.setup} | ${r.seconds} s | ${r.created} | ${r.stored} | ${r.perSecond.toFixed(0)} | ${r.p50} ms | ${r.p99} ms | ${r.other} | ${r.peakRssMb.toFixed(0)} MB | ${r.durability} |`,
    ),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const seconds = Number(process.argv[2] ?? 10);
  const rows = await benchIntakeAll(seconds);
  process.stdout.write(`\n${machine()}\n\n${formatIntake(rows)}\n`);
  if (!rows.some((r) => r.setup.startsWith('PostgreSQL')))
    process.stdout.write('(PostgreSQL omitido: define BENCH_DATABASE_URL o TEST_DATABASE_URL)\n');
}
