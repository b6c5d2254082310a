import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The installation's audit key: 32 random bytes generated once under DATA_DIR/audit.key (0600). It is
 * kept out of the database on purpose (someone with database access must not be able to recompute the
 * audit chain) and apart from the session secret (rotating SESSION_SECRET must not break the chain).
 * Backups carry it with the rest of DATA_DIR.
 */
export function loadOrCreateAuditKey(dataDir: string): Buffer {
  const path = join(dataDir, 'audit.key');
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(path, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process (web and worker starting together) wrote it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadOrCreateAuditKey(dataDir);
    throw err;
  }
  return key;
}
