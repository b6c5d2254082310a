import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** argon2id with the library's defaults (OWASP-level memory and time cost). */
export function hashPassword(password: string): Promise<string> {
  // 2 = Algorithm.Argon2id (an ambient const enum, which this project's TypeScript settings cannot read).
  return hash(password, { algorithm: 2 });
}

// A hash to verify against when the account does not exist, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;

/** Whether `password` matches the stored hash; with no hash it takes as long and answers false. */
export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('contraseña-de-relleno-para-igualar-tiempos');
    await verify(await dummyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
