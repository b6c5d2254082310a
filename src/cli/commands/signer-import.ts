import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { SYSTEM } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { isMessageKey, translate } from '../../i18n/index.ts';
import { installSigner } from '../../services/answers/install-signer.ts';
import type { Command } from '../command.ts';

/** Reads the password without echoing it. */
async function promptHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => rl.question(question, resolve));
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write('\n');
  return password;
}

export const signerImportCommand: Command = {
  name: 'signer import',
  summary:
    'Instala el sello institucional (e.sello: --cer y --key) o registra el certificado de la persona titular (--role director)',
  usage:
    'signer import --cer ARCHIVO.cer [--key ARCHIVO.key] [--role seal|director] [--chain AC.cer] [--no-store-password]\n' +
    '  La contraseña de la clave se toma de SIGNER_KEY_PASSWORD o se pregunta sin mostrarla.',
  options: {
    cer: { type: 'string' },
    key: { type: 'string' },
    role: { type: 'string' },
    chain: { type: 'string' },
    'no-store-password': { type: 'boolean' },
  },
  needsDatabase: true,
  async run({ values, runtime, out }) {
    const role = (values.role ?? 'seal') as string;
    if (role !== 'seal' && role !== 'director') {
      out(`--role debe ser seal o director.\nUso: dato-oficial ${signerImportCommand.usage}`);
      return 1;
    }
    if (typeof values.cer !== 'string' || (role === 'seal' && typeof values.key !== 'string')) {
      out(`Faltan archivos.\nUso: dato-oficial ${signerImportCommand.usage}`);
      return 1;
    }
    const read = (path: string) => {
      try {
        return readFileSync(path);
      } catch (err) {
        out(`No se pudo leer ${path}: ${(err as Error).message}`);
        return null;
      }
    };
    const cer = read(values.cer);
    const key = typeof values.key === 'string' ? read(values.key) : undefined;
    const chain = typeof values.chain === 'string' ? read(values.chain) : undefined;
    if (!cer || key === null || chain === null) return 1;
    const password =
      key === undefined
        ? undefined
        : (process.env.SIGNER_KEY_PASSWORD ??
          (await promptHidden(translate('es-MX', 'cli.signer.password_prompt'))));
    try {
      const installed = await installSigner(
        runtime!.deps,
        {
          role,
          cer,
          key,
          password,
          chain: chain ?? undefined,
          storePassword: !values['no-store-password'],
        },
        SYSTEM,
      );
      out(translate('es-MX', 'cli.signer.imported', { ...installed }));
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        out(isMessageKey(err.messageKey) ? translate('es-MX', err.messageKey, err.params) : err.messageKey);
        return 1;
      }
      throw err;
    }
  },
};
