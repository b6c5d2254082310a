// `npm run bench [-- name…]`: runs every benchmark file in bench/ (each prints its own figures when run
// as the main module), one after another in its own process so they do not disturb each other.
// A name filters the files: `npm run bench -- stats`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../scripts/build.js';

const here = dirname(fileURLToPath(import.meta.url));
// The benches start servers from dist/, as production does.
await ensureBuilt();
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== bench/${file} ===\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    process.stdout.write(`bench/${file} terminó con código ${run.status}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
