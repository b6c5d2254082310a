// Submit → delivered for standard requests: POST /api/v1/requests on the real app with the outbox
// worker, stats loaded from the official data, the institutional seal and an SMTP sink in process.
// Run alone: `npx tsx bench/auto-answer.ts [n]` (PostgreSQL too when BENCH_DATABASE_URL or
// TEST_DATABASE_URL is set). `npm run bench` runs it through bench/index.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inArray } from 'drizzle-orm';
import pg from 'pg';
import { bootstrap } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config/index.ts';
import type { EngineKind } from '../src/db/client.ts';
import { requests } from '../src/db/schema/index.ts';
import { startBackgroundWork } from '../src/jobs/index.ts';
import { importDataDir } from '../src/stats/import.ts';
import { createApp } from '../src/web/app.ts';
import { startSmtpSink } from '../test/integration/mail/smtp-sink.ts';

export type AutoAnswerFigures = {
  engine: EngineKind;
  perSecond: number;
  submitted: number;
  delivered: number;
  lost: number;
  mailsLost: number;
  mailsDuplicated: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
};

// Standard questions the engine can answer fully: catalog indicators, named places, loaded years.
const QUESTIONS = [
  { indicators: ['population_total'], geo: 'mun:15106', years: [2020] },
  { indicators: ['population_total', 'population_female'], geo: 'mun:15033', years: [2020] },
  { indicators: ['population_total'], geo: 'state:15', years: [2020] },
  { indicators: ['population_total'], geo: 'mun:15058', years: [2020] },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `dato_bench_aa_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function benchAutoAnswer(
  engine: EngineKind,
  opts: { n?: number; perSecond?: number; timeoutMs?: number } = {},
): Promise<AutoAnswerFigures | null> {
  const n = opts.n ?? 60;
  const perSecond = opts.perSecond ?? 10;
  const pgDb = engine === 'postgres' ? await postgresDatabase() : null;
  if (engine === 'postgres' && !pgDb) return null;
  const dataDir = mkdtempSync(join(tmpdir(), 'dato-bench-aa-'));
  const sink = await startSmtpSink();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    DATABASE_URL: pgDb?.url ?? '',
    SMTP_URL: sink.url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_DISABLED: '1',
    AUTO_ANSWER: 'on',
  });
  if (!config.statsDataDir) throw new Error('bench: no official data (STATS_DATA_DIR or ../shared/data)');
  const { handle, deps } = await bootstrap({ config });
  try {
    await importDataDir(deps.db, config.statsDataDir, { now: () => new Date() });
    await deps.stats.reload();
    const app = createApp(deps);
    const background = startBackgroundWork(deps, { pollMs: 50 });

    const submittedAt = new Map<string, number>();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < n; i++) {
      const q = QUESTIONS[i % QUESTIONS.length]!;
      const body = {
        ...q,
        formats: ['xlsx', 'csv', 'oficio'],
        purpose: 'Medición de tiempos de respuesta automática',
        requester: { name: `Persona ${i}`, email: `bench${i}@example.org`, sector: 'academia' },
        privacyConsent: true,
        publishConsent: false,
      };
      const started = Date.now();
      posts.push(
        Promise.resolve(
          app.request('/api/v1/requests', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${engine}-${i}` },
            body: JSON.stringify(body),
          }),
        ).then(async (res) => {
          if (res.status !== 201) throw new Error(`POST → ${res.status}: ${await res.text()}`);
          submittedAt.set(((await res.json()) as { folio: string }).folio, started);
        }),
      );
      await new Promise((r) => setTimeout(r, 1000 / perSecond));
    }
    await Promise.all(posts);

    const latencies = new Map<string, number>();
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    while (latencies.size < submittedAt.size && Date.now() < deadline) {
      const open = [...submittedAt.keys()].filter((f) => !latencies.has(f));
      const rows = await deps.db
        .select({ folio: requests.folio, status: requests.status, deliveredAt: requests.deliveredAt })
        .from(requests)
        .where(inArray(requests.folio, open));
      for (const r of rows) {
        if (r.status === 'delivered' && r.deliveredAt)
          latencies.set(r.folio, r.deliveredAt.getTime() - submittedAt.get(r.folio)!);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    // Give the delivery e-mails the same deadline, then count them in the sink.
    const deliveryMails = () =>
      sink.received.filter((m) => /Respuesta oficial/.test(m.subject ?? '')).map((m) => m.subject ?? '');
    while (deliveryMails().length < latencies.size && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await background.stop();
    const subjects = deliveryMails();
    const perFolio = [...latencies.keys()].map((f) => subjects.filter((s) => s.includes(f)).length);
    const sorted = [...latencies.values()].sort((a, b) => a - b);
    return {
      engine,
      perSecond,
      submitted: submittedAt.size,
      delivered: latencies.size,
      lost: submittedAt.size - latencies.size,
      mailsLost: perFolio.filter((c) => c === 0).length,
      mailsDuplicated: perFolio.filter((c) => c > 1).length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted.at(-1) ?? Number.NaN,
    };
  } finally {
    deps.mailer.close();
    await handle.close();
    await sink.close();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatAutoAnswer(rows: AutoAnswerFigures[]): string {
  const lines = [
    '| Engine | Arrivals | Requests | Delivered | Lost | Mails lost / doubled | p50 | p95 | max |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${r.perSecond}/s | ${r.submitted} | ${r.delivered} | ${r.lost} | ` +
        `${r.mailsLost} / ${r.mailsDuplicated} | ${(r.p50Ms / 1000).toFixed(2)} s | ${(r.p95Ms / 1000).toFixed(2)} s | ` +
        `${(r.maxMs / 1000).toFixed(2)} s |`,
    ),
  ];
  return lines.join('\n');
}

// Alone: `npx tsx bench/auto-answer.ts [n] [rate…]`; default 60 requests at a steady 2/s and a 10/s burst.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 60);
  const rates = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [2, 10];
  const rows: AutoAnswerFigures[] = [];
  for (const engine of ['pglite', 'postgres'] as const) {
    for (const perSecond of rates) {
      const r = await benchAutoAnswer(engine, { n, perSecond });
      if (r) rows.push(r);
    }
  }
  process.stdout.write(
    `\nSubmit → delivered (automatic answer, one process: web + worker), ${n} requests per row\n\n`,
  );
  process.stdout.write(`${formatAutoAnswer(rows)}\n`);
  if (!rows.some((r) => r.engine === 'postgres'))
    process.stdout.write('(PostgreSQL omitido: define BENCH_DATABASE_URL o TEST_DATABASE_URL)\n');
}
