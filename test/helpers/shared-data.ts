import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config/index.ts';

/**
 * Where the official data files are for tests: STATS_DATA_DIR or ../shared/data. Outside CI a missing
 * directory skips the suite with a loud message; in CI it fails (no suite may skip there).
 */
export function sharedDataDir(): string | undefined {
  const dir = process.env.STATS_DATA_DIR
    ? resolve(PROJECT_ROOT, process.env.STATS_DATA_DIR)
    : resolve(PROJECT_ROOT, '../shared/data');
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true')
    throw new Error(`CI: faltan los datos oficiales en ${dir}; no se pueden omitir estas pruebas.`);
  console.warn(`\n!!! DATOS OFICIALES AUSENTES (${dir}): se OMITEN las pruebas que los leen. !!!\n`);
  return undefined;
}
