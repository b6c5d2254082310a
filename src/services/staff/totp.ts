import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import type { Deps } from '../deps.ts';

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app enrols from (shown once, as text and QR code). */
export function staffTotpUri(deps: Pick<Deps, 'config'>, email: string, secret: string): string {
  return generateURI({ issuer: `${deps.config.agency.shortName} Dato Oficial`, label: email, secret });
}

/** The accepted time step of `code` at `now`, or null. One step (30 s) either side is tolerated. */
export async function checkTotp(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verifyTotp({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: 30,
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
