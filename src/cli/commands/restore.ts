import { loadConfig } from '../../config/index.ts';
import { translate } from '../../i18n/index.ts';
import { restoreBackup } from '../../services/backup/restore-backup.ts';
import type { Command } from '../command.ts';
import { reportAppError } from './backup.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary:
    'Restaura una copia de seguridad en un DATA_DIR nuevo (y una base PostgreSQL vacía), verificando cada SHA-256',
  usage: 'restore ARCHIVO',
  needsDatabase: false,
  async run({ positionals, out }) {
    const file = positionals[0];
    if (!file) {
      out(translate('es-MX', 'restore.usage'));
      return 1;
    }
    const config = loadConfig(process.env);
    return reportAppError(out, async () => {
      const r = await restoreBackup({ file, dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      out(translate('es-MX', 'restore.done', { dataDir: r.dataDir, files: r.files, engine: r.engine }));
    });
  },
};
