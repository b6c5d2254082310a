import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unzipSync } from 'fflate';
import pg from 'pg';
import { UnprocessableError } from '../../domain/errors.ts';
import {
  type BackupManifest,
  DATA_PREFIX,
  isSafeArchivePath,
  MANIFEST,
  PGLITE_DIR,
  runPgTool,
  sha256Hex,
} from './archive.ts';

export type RestoreResult = { dataDir: string; files: number; engine: BackupManifest['engine'] };

/**
 * Restores a backup into a NEW, empty DATA_DIR (and, for PostgreSQL, an empty database): every file is
 * checked against the manifest's SHA-256 before anything is written, so a damaged archive restores nothing.
 */
export async function restoreBackup(opts: {
  file: string;
  dataDir: string;
  databaseUrl?: string | undefined;
}): Promise<RestoreResult> {
  const { files, manifest } = readArchive(opts.file);
  const target = opts.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== target) {
    throw new UnprocessableError('restore.err.engine_mismatch', { archive: manifest.engine, target });
  }
  const occupied = existsSync(opts.dataDir)
    ? readdirSync(opts.dataDir).filter((name) => name === PGLITE_DIR || name === 'documents')
    : [];
  if (occupied.length > 0) {
    throw new UnprocessableError('restore.err.not_empty', {
      dataDir: opts.dataDir,
      what: occupied.join(', '),
    });
  }
  if (opts.databaseUrl) await assertEmptyDatabase(opts.databaseUrl);

  for (const entry of manifest.files) {
    if (!entry.path.startsWith(DATA_PREFIX)) continue;
    const path = join(opts.dataDir, entry.path.slice(DATA_PREFIX.length));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files[entry.path]!, { mode: 0o600 });
  }
  const dump = files[manifest.database]!;
  if (manifest.engine === 'pglite') {
    const dir = join(opts.dataDir, PGLITE_DIR);
    mkdirSync(dir, { recursive: true });
    const client = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([new Uint8Array(dump)]) });
    await client.query('SELECT 1');
    await client.close();
  } else {
    await pgRestore(opts.databaseUrl!, dump);
  }
  return { dataDir: opts.dataDir, files: manifest.files.length, engine: manifest.engine };
}

/** The archive's files, every one present and matching the manifest; throws before anything is written. */
function readArchive(file: string): { files: Record<string, Uint8Array>; manifest: BackupManifest } {
  let files: Record<string, Uint8Array>;
  let manifest: BackupManifest;
  try {
    files = unzipSync(new Uint8Array(readFileSync(file)));
    manifest = JSON.parse(new TextDecoder().decode(files[MANIFEST])) as BackupManifest;
  } catch {
    throw new UnprocessableError('restore.err.unreadable', { file });
  }
  if (manifest?.format !== 'dato-oficial-backup' || !Array.isArray(manifest.files)) {
    throw new UnprocessableError('restore.err.unreadable', { file });
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  if (!listed.has(manifest.database)) {
    throw new UnprocessableError('restore.err.missing_file', { path: String(manifest.database) });
  }
  for (const entry of manifest.files) {
    if (!isSafeArchivePath(entry.path)) throw new UnprocessableError('restore.err.unreadable', { file });
    const bytes = files[entry.path];
    if (!bytes) throw new UnprocessableError('restore.err.missing_file', { path: entry.path });
    if (sha256Hex(bytes) !== entry.sha256)
      throw new UnprocessableError('restore.err.hash_mismatch', { path: entry.path });
  }
  return { files, manifest };
}

async function assertEmptyDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (rows[0]!.n > 0) throw new UnprocessableError('restore.err.db_not_empty');
  } finally {
    await client.end();
  }
}

async function pgRestore(url: string, dump: Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'dato-pgrestore-'));
  const file = join(dir, 'db.dump');
  try {
    writeFileSync(file, dump, { mode: 0o600 });
    await runPgTool(
      'pg_restore',
      ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, file],
      {
        missing: 'restore.err.pg_restore_missing',
        failed: 'restore.err.pg_restore_failed',
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
