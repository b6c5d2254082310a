// Where the PGlite server's memory goes: the pieces of `npm start` loaded one after another in this
// process, with process.memoryUsage() after each (after a GC), under two PGlite settings.
// Run alone: `npx tsx --expose-gc bench/memory.ts [dataDir]` (a DATA_DIR with the official data imported,
// e.g. after `DATA_DIR=… npm run cli -- import-data`; default: a copy of the build's empty template).
// `npm run bench -- memory` runs it through bench/index.ts (then without --expose-gc: figures are noisier).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const mb = (n: number) => Math.round(n / 1048576);
const gc = () => (globalThis as { gc?: () => void }).gc?.();

type Row = { step: string; rss: number; heap: number; external: number; wasm: number };

/** Child mode: loads the pieces and prints one JSON row per step. */
async function measure(dataDir: string, pgliteMemory: 'default' | 'small') {
  const rows: Row[] = [];
  let wasmBytes = 0;
  const mark = (step: string) => {
    gc();
    const m = process.memoryUsage();
    rows.push({ step, rss: mb(m.rss), heap: mb(m.heapUsed), external: mb(m.external), wasm: mb(wasmBytes) });
  };
  mark('node + tsx');
  const { PGlite } = await import('@electric-sql/pglite');
  const { loadConfig } = await import('../src/config/index.ts');
  const { openDatabase } = await import('../src/db/client.ts');
  const { pgliteOptions } = await import('../src/db/client.ts');
  const { createStatsEngine } = await import('../src/stats/engine.ts');
  const { loadStatsData } = await import('../src/stats/repository.ts');
  await import('../src/web/app.ts');
  await import('../src/jobs/index.ts');
  mark('all modules loaded');
  const client = await PGlite.create(
    join(dataDir, 'pglite'),
    pgliteMemory === 'small' ? pgliteOptions() : {},
  );
  // PGlite's WebAssembly memory (the Postgres heap, shared buffers, catalog caches) lives in one buffer.
  const wasmMemory = () => (client as unknown as { mod?: { HEAP8?: Int8Array } }).mod?.HEAP8?.byteLength ?? 0;
  wasmBytes = wasmMemory();
  mark('PGlite open');
  const handle = await openDatabase({ pglite: client });
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const stats = createStatsEngine({
    loader: () => loadStatsData(handle.db),
    indicators: config.agency.indicators,
  });
  await stats.reload();
  wasmBytes = wasmMemory();
  mark('statistics engine loaded');
  await handle.close();
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

async function main() {
  let dataDir = process.argv[2];
  let scratch: string | undefined;
  if (!dataDir) {
    const { PGLITE_TEMPLATE_DIR, pgliteTemplateIsCurrent } = await import('../src/db/pglite-template.ts');
    if (!pgliteTemplateIsCurrent()) throw new Error('run npm run build first (no dist/pglite-template)');
    scratch = mkdtempSync(join(tmpdir(), 'dato-bench-memory-'));
    cpSync(PGLITE_TEMPLATE_DIR, join(scratch, 'pglite'), { recursive: true });
    dataDir = scratch;
  }
  const self = fileURLToPath(import.meta.url);
  console.log(`data folder: ${dataDir}${scratch ? ' (empty template: no statistics loaded)' : ''}`);
  for (const mode of ['default', 'small'] as const) {
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', self, '--child', dataDir, mode],
      {
        encoding: 'utf8',
      },
    );
    const line = run.stdout.trim().split('\n').pop() ?? '';
    if (run.status !== 0 || !line.startsWith('[')) {
      console.log(`${mode}: failed\n${run.stderr}`);
      continue;
    }
    console.log(
      `\nPGlite settings: ${mode === 'default' ? "PGlite's defaults" : 'pgliteOptions() (src/db/client.ts)'}`,
    );
    console.log('| Step | RSS MB | JS heap MB | external MB | PGlite WASM memory MB |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of JSON.parse(line) as Row[])
      console.log(`| ${r.step} | ${r.rss} | ${r.heap} | ${r.external} | ${r.wasm || ''} |`);
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}

if (process.argv[2] === '--child') await measure(process.argv[3]!, process.argv[4] as 'default' | 'small');
else await main();
