import { resolve } from 'node:path';
import { DATASETS } from '../../stats/datasets.ts';
import { type ImportEvent, importDataDir } from '../../stats/import.ts';
import type { Command } from '../command.ts';

const LABEL: Record<ImportEvent['status'], string> = {
  imported: 'importado',
  unchanged: 'sin cambios',
  missing: 'no encontrado',
  failed: 'ERROR',
};

export function describeImportEvent(e: ImportEvent): string {
  const what = `${e.dataset} (${DATASETS[e.dataset].source})`;
  const files = e.files.length > 0 ? ` [${e.files.join(', ')}]` : '';
  const counts = e.status === 'imported' ? `: ${e.rows} renglones, ${e.facts} cifras` : '';
  const error = e.error ? `\n    ${e.error}` : '';
  return `  ${LABEL[e.status].padEnd(13)} ${what}${counts}${files} ${e.ms} ms${error}`;
}

export const importDataCommand: Command = {
  name: 'import-data',
  summary: 'Importa los archivos de datos oficiales (INEGI, CONAPO) a las tablas de estadística',
  usage: 'import-data [DIR] [--force]   (DIR: STATS_DATA_DIR por omisión)',
  options: { force: { type: 'boolean' } },
  needsDatabase: true,
  async run({ values, positionals, runtime, out }) {
    const { config, deps } = runtime!;
    const dir = positionals[0] ? resolve(positionals[0]) : config.statsDataDir;
    if (!dir) {
      out('No hay directorio de datos: indica DIR o define STATS_DATA_DIR.');
      return 1;
    }
    out(`Importando datos oficiales desde ${dir}`);
    const events = await importDataDir(deps.db, dir, {
      now: () => deps.clock.now(),
      force: values.force === true,
      onEvent: (e) => out(describeImportEvent(e)),
    });
    const failed = events.filter((e) => e.status === 'failed').length;
    const imported = events.filter((e) => e.status === 'imported').length;
    out(`\n${imported} conjuntos importados, ${failed} con errores.`);
    return failed > 0 ? 1 : 0;
  },
};
