// `npm test`: the checks one after another, stopping at the first that fails, then the time each took.
// Each step is also its own npm script (typecheck, lint, check:layers, check:unused, vitest run).
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['layers', 'npm', ['run', '-s', 'check:layers']],
  ['unused', 'npm', ['run', '-s', 'check:unused']],
  ['vitest', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
];

const started = Date.now();
const times = [];
let status = 0;
for (const [name, cmd, args] of steps) {
  const t0 = Date.now();
  const run = spawnSync(cmd, args, { stdio: 'inherit' });
  times.push(`${name} ${Math.round((Date.now() - t0) / 1000)} s`);
  status = run.status ?? 1;
  if (status !== 0) {
    times.push(`(${name} failed)`);
    break;
  }
}
console.log(`\nnpm test: ${times.join(', ')}; total ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(status);
