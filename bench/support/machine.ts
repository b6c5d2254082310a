// One line naming the machine a benchmark ran on, for the tables in docs/benchmarks.md.
import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const pgVersion = (() => {
    try {
      return execSync('psql --version', { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    } catch {
      return 'psql not found';
    }
  })();
  return (
    `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpus().length} cores (${cpu}) · ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version} · ${pgVersion} · ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at start`
  );
}
