import { join } from 'node:path';
import { loadConfig } from '../../config/index.ts';
import { AppError } from '../../domain/errors.ts';
import { translate } from '../../i18n/index.ts';
import { createBackup } from '../../services/backup/create-backup.ts';
import type { Command } from '../command.ts';

/** Runs `work`; a typed error becomes its Spanish message and exit code 1. */
export async function reportAppError(
  out: (line: string) => void,
  work: () => Promise<void>,
): Promise<number> {
  try {
    await work();
    return 0;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    out(translate('es-MX', err.messageKey as Parameters<typeof translate>[1], err.params));
    return 1;
  }
}

export const backupCommand: Command = {
  name: 'backup',
  summary:
    'Copia de seguridad en un archivo: la base de datos (PGlite o pg_dump) y los documentos de DATA_DIR, con SHA-256 de cada archivo',
  usage: 'backup [--out ARCHIVO]',
  options: { out: { type: 'string', short: 'o' } },
  // Opens the database itself: with PGlite the server must be stopped.
  needsDatabase: false,
  async run({ values, out }) {
    const config = loadConfig(process.env);
    const now = new Date();
    const file =
      typeof values.out === 'string'
        ? values.out
        : join(process.cwd(), `dato-oficial-respaldo-${now.toISOString().replace(/[:.]/g, '-')}.zip`);
    try {
      const r = await createBackup({
        dataDir: config.dataDir,
        databaseUrl: config.databaseUrl,
        out: file,
        now,
      });
      out(
        translate('es-MX', 'backup.done', { file: r.file, files: r.files, size: r.size, engine: r.engine }),
      );
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        out(translate('es-MX', err.messageKey as Parameters<typeof translate>[1], err.params));
        return 1;
      }
      throw err;
    }
  },
};
