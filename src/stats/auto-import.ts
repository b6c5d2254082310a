import { existsSync } from 'node:fs';
import type { Deps } from '../services/deps.ts';
import { importDataDir, statsTablesEmpty } from './import.ts';

/**
 * On start: when the statistics tables are empty and STATS_DATA_DIR exists, import in the background
 * (the server is already listening) and reload the engine when done.
 */
export async function autoImportStats(deps: Deps): Promise<void> {
  const dir = deps.config.statsDataDir;
  try {
    if (!dir || !existsSync(dir) || !(await statsTablesEmpty(deps.db))) return;
    const started = performance.now();
    deps.logger.info({ dir }, 'stats: importing official data (tables empty)');
    const events = await importDataDir(deps.db, dir, { now: () => deps.clock.now() });
    for (const e of events.filter((x) => x.status === 'failed'))
      deps.logger.error({ dataset: e.dataset, error: e.error }, 'stats: dataset import failed');
    await deps.stats.reload();
    deps.logger.info(
      {
        datasets: events.filter((e) => e.status === 'imported').length,
        ms: Math.round(performance.now() - started),
      },
      'stats: import finished',
    );
  } catch (err) {
    deps.logger.error({ err }, 'stats: automatic import failed');
  }
}
