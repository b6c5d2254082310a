import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchPostgres } from '../../test/helpers/processes.ts';

/**
 * A throw-away place for a benchmarked server: its own DATA_DIR, an empty STATS_DATA_DIR and, for
 * PostgreSQL, a scratch database; `null` when PostgreSQL is asked for but no URL is configured.
 * `env` is what the server processes get (production mode, quiet logs, no rate limits).
 */
export async function benchEnvironment(
  engine: 'pglite' | 'postgres',
  name: string,
  extraEnv: Record<string, string> = {},
) {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (engine === 'postgres' && !base) return null;
  const db = engine === 'postgres' ? await scratchPostgres(base!, { prefix: `dato_bench_${name}` }) : null;
  const dataDir = mkdtempSync(join(tmpdir(), `dato-bench-${name}-`));
  const statsDir = mkdtempSync(join(tmpdir(), `dato-bench-${name}-stats-`));
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    STATS_DATA_DIR: statsDir,
    DATABASE_URL: db?.url ?? '',
    RATE_LIMIT_DISABLED: '1',
    ...extraEnv,
  };
  return {
    db,
    env,
    async cleanup() {
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(statsDir, { recursive: true, force: true });
    },
  };
}
