import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { newPglite, openDatabase } from '../../db/client.ts';
import { UnprocessableError } from '../../domain/errors.ts';
import {
  type BackupManifest,
  DATA_PREFIX,
  dataFiles,
  MANIFEST,
  PGLITE_DUMP,
  POSTGRES_DUMP,
  runPgTool,
  sha256Hex,
} from './archive.ts';

export type BackupResult = { file: string; files: number; size: number; engine: BackupManifest['engine'] };

/**
 * One archive (zip) with the database dump, every file under DATA_DIR (documents, staff files, the
 * session secret, installed signers) and a manifest of SHA-256s. PGlite: the server must be stopped
 * (one process owns the database); the dump is PGlite's own data-dir tarball. PostgreSQL: pg_dump -Fc.
 */
export async function createBackup(opts: {
  dataDir: string;
  databaseUrl?: string | undefined;
  out: string;
  now: Date;
}): Promise<BackupResult> {
  const out = resolve(opts.out);
  if (existsSync(out)) throw new UnprocessableError('backup.err.out_exists', { file: out });
  const entries: Record<string, Uint8Array> = {};
  let engine: BackupManifest['engine'];
  let database: string;
  if (opts.databaseUrl) {
    engine = 'postgres';
    database = POSTGRES_DUMP;
    entries[database] = await pgDump(opts.databaseUrl);
  } else {
    engine = 'pglite';
    database = PGLITE_DUMP;
    const client = await newPglite(opts.dataDir);
    const handle = await openDatabase({ pglite: client, dataDir: opts.dataDir });
    try {
      // Uncompressed: the zip compresses it, and the restore loads it as it is.
      const dump = await client.dumpDataDir('none');
      entries[database] = new Uint8Array(await dump.arrayBuffer());
    } finally {
      await handle.close();
    }
  }
  const outRel = (p: string) => resolve(opts.dataDir, p) === out;
  for (const rel of dataFiles(opts.dataDir, outRel)) {
    entries[`${DATA_PREFIX}${rel}`] = new Uint8Array(readFileSync(join(opts.dataDir, rel)));
  }
  const manifest: BackupManifest = {
    format: 'dato-oficial-backup',
    version: 1,
    createdAt: opts.now.toISOString(),
    engine,
    database,
    files: Object.entries(entries).map(([path, bytes]) => ({
      path,
      size: bytes.byteLength,
      sha256: sha256Hex(bytes),
    })),
  };
  const zip = zipSync({
    [MANIFEST]: new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    ...Object.fromEntries(Object.entries(entries).map(([p, b]) => [p, [b, { level: 1 }] as const])),
  });
  // Written under a temporary name: a half-written file is never taken for a backup.
  writeFileSync(`${out}.partial`, zip, { mode: 0o600 });
  renameSync(`${out}.partial`, out);
  return { file: out, files: manifest.files.length, size: zip.byteLength, engine };
}

async function pgDump(url: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'dato-pgdump-'));
  const file = join(dir, 'db.dump');
  try {
    await runPgTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`],
      { missing: 'backup.err.pg_dump_missing', failed: 'backup.err.pg_dump_failed' },
    );
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
