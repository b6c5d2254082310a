import type { Command } from '../command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Aplica las migraciones pendientes de la base de datos',
  usage: 'migrate',
  needsDatabase: true,
  // bootstrap() already migrated; reaching here means the schema is current.
  async run({ runtime, out }) {
    out(`Migraciones aplicadas (${runtime?.handle.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}).`);
    return 0;
  },
};
