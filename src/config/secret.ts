import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installation's HMAC secret: SESSION_SECRET if set, else one generated once under DATA_DIR. */
export function loadOrCreateSecret(dataDir: string, fromEnv = process.env.SESSION_SECRET): string {
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  const path = join(dataDir, 'secret.key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
