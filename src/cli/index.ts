import { parseArgs } from 'node:util';
import { bootstrap, type Runtime } from '../bootstrap.ts';
import { ConfigError } from '../config/index.ts';
import { DatabaseInUseError } from '../db/client.ts';
import type { Command } from './command.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { backupCommand } from './commands/backup.ts';
import { createUserCommand } from './commands/create-user.ts';
import { demoDataCommand } from './commands/demo-data.ts';
import { importDataCommand } from './commands/import-data.ts';
import { migrateCommand } from './commands/migrate.ts';
import { restoreCommand } from './commands/restore.ts';
import { signerImportCommand } from './commands/signer-import.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  migrateCommand,
  importDataCommand,
  demoDataCommand,
  createUserCommand,
  auditVerifyCommand,
  signerImportCommand,
  backupCommand,
  restoreCommand,
];

function help(out: (s: string) => void) {
  out('Uso: dato-oficial <comando> [opciones]   (o: npm run cli -- <comando> [opciones])\n');
  out('Comandos:');
  for (const c of COMMANDS) out(`  ${c.name.padEnd(16)} ${c.summary}`);
  out('\nAyuda de un comando: dato-oficial <comando> --help');
}

export async function runCli(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(`${s}\n`),
) {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0];
  if (!name || name === 'help' || (argv.includes('--help') && !name)) {
    help(out);
    return name ? 0 : argv.includes('--help') ? 0 : 1;
  }
  // Two-word commands (`audit verify`, `signer import`) are registered with their full name.
  const command =
    COMMANDS.find((c) => c.name === `${words[0]} ${words[1] ?? ''}`.trim()) ??
    COMMANDS.find((c) => c.name === name);
  if (!command) {
    out(`Comando desconocido: ${name}\n`);
    help(out);
    return 1;
  }
  const rest = argv.slice(argv.indexOf(command.name.split(' ').at(-1)!) + 1);
  if (rest.includes('--help')) {
    out(`Uso: dato-oficial ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
  } catch (err) {
    out(`${(err as Error).message}\nUso: dato-oficial ${command.usage}`);
    return 1;
  }
  let runtime: Runtime | undefined;
  try {
    if (command.needsDatabase) runtime = await bootstrap();
    return (await command.run({ values: parsed.values, positionals: parsed.positionals, runtime, out })) ?? 0;
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DatabaseInUseError) {
      out(err.message);
      return 1;
    }
    throw err;
  } finally {
    await runtime?.handle.close();
  }
}
