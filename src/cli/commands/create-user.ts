import { randomBytes } from 'node:crypto';
import { SYSTEM } from '../../domain/actor.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { createStaffUser } from '../../services/staff/create-staff-user.ts';
import type { Command } from '../command.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export const createUserCommand: Command = {
  name: 'create-user',
  summary: 'Crea una cuenta del personal (ventanilla, tecnico, director, admin, auditor)',
  usage: 'create-user --email CORREO --role ROL [--name "Nombre completo"] [--password-stdin]',
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  needsDatabase: true,
  async run({ values, runtime, out }) {
    const email = String(values.email ?? '');
    const generated = !values['password-stdin'];
    // Without --password-stdin a strong password is generated and shown once.
    const password = generated ? randomBytes(15).toString('base64url') : await readStdin();
    try {
      const user = await createStaffUser(runtime!.deps, SYSTEM, {
        email,
        role: values.role,
        name: values.name ?? email.split('@')[0],
        password,
      });
      out(`Cuenta creada: ${user.email} (${user.role}).`);
      if (generated) out(`Contraseña (se muestra solo esta vez): ${password}`);
      if (user.totpUri) {
        out('Este rol usa verificación en dos pasos. Registra este enlace en la aplicación de autenticación');
        out('(o hazlo al ingresar por primera vez, la página muestra el código QR):');
        out(user.totpUri);
      }
      return 0;
    } catch (err) {
      if (err instanceof InvalidInputError) {
        for (const f of err.fields) out(`--${f.field}: ${f.message}`);
        out(`Uso: dato-oficial ${createUserCommand.usage}`);
        return 1;
      }
      throw err;
    }
  },
};
