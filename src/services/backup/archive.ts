import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { UnprocessableError } from '../../domain/errors.ts';

/** What a backup holds: one entry per file with its SHA-256, checked before anything is restored. */
export type BackupManifest = {
  format: 'dato-oficial-backup';
  version: 1;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  /** Archive path of the database dump: a PGlite data-dir tarball or a pg_dump custom-format file. */
  database: string;
  files: { path: string; size: number; sha256: string }[];
};

export const MANIFEST = 'manifest.json';
export const PGLITE_DUMP = 'database/pglite.tar';
export const POSTGRES_DUMP = 'database/postgres.dump';
/** DATA_DIR files go under this prefix in the archive. */
export const DATA_PREFIX = 'data/';
/** The PGlite directory is saved through its dump (a consistent copy), never file by file. */
export const PGLITE_DIR = 'pglite';
/**
 * Secrets are kept apart from data backups (docs/deployment.md, key custody): a stolen backup must
 * never carry the seal's private key or the session secret.
 */
export const SECRET_PATHS = ['secret.key', 'config/signers'];

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every file under `root` (relative, forward slashes), but the PGlite directory, secrets and `skip`. */
export function dataFiles(root: string, skip: (rel: string) => boolean = () => false): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (rel === PGLITE_DIR || SECRET_PATHS.includes(rel) || skip(rel)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk(root);
  return out.sort();
}

/** An archive path that stays inside the target directory (no absolute paths, no `..`). */
export function isSafeArchivePath(path: string): boolean {
  return (
    path.length > 0 &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.includes('\0') &&
    path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

const execFileAsync = promisify(execFile);

/** Runs pg_dump / pg_restore; a missing binary or a failure becomes a Spanish message (keys given). */
export async function runPgTool(bin: string, args: string[], keys: { missing: string; failed: string }) {
  try {
    await execFileAsync(bin, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new UnprocessableError(keys.missing);
    throw new UnprocessableError(keys.failed, { detail: (e.stderr ?? e.message).trim() });
  }
}
