import { resolve } from 'node:path';
import { translate } from '../../i18n/index.ts';
import { DATASETS } from '../../stats/datasets.ts';
import { type ImportEvent, importDataDir } from '../../stats/import.ts';
import type { Command } from '../command.ts';

const es = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('es-MX', key, params);

export function describeImportEvent(e: ImportEvent): string {
  const what = `${e.dataset} (${DATASETS[e.dataset].source})`;
  const files = e.files.length > 0 ? ` [${e.files.join(', ')}]` : '';
  const counts =
    e.status === 'imported' ? `: ${es('stats.cli.counts', { rows: e.rows ?? 0, facts: e.facts ?? 0 })}` : '';
  const error = e.error ? `\n    ${e.error}` : '';
  return `  ${es(`stats.cli.status.${e.status}`).padEnd(13)} ${what}${counts}${files} ${e.ms} ms${error}`;
}

export const importDataCommand: Command = {
  name: 'import-data',
  summary: es('stats.cli.summary_line'),
  usage: 'import-data [DIR] [--force]',
  options: { force: { type: 'boolean' } },
  needsDatabase: true,
  async run({ values, positionals, runtime, out }) {
    const { config, deps } = runtime!;
    const dir = positionals[0] ? resolve(positionals[0]) : config.statsDataDir;
    if (!dir) {
      out(es('stats.cli.no_dir'));
      return 1;
    }
    out(es('stats.cli.importing', { dir }));
    const events = await importDataDir(deps.db, dir, {
      now: () => deps.clock.now(),
      force: values.force === true,
      onEvent: (e) => out(describeImportEvent(e)),
    });
    const failed = events.filter((e) => e.status === 'failed').length;
    const imported = events.filter((e) => e.status === 'imported').length;
    out(`\n${es('stats.cli.summary', { imported, failed })}`);
    return failed > 0 ? 1 : 0;
  },
};
