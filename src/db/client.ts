import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { restrictTree } from '../config/file-modes.ts';
import { seedFromPgliteTemplate } from './pglite-template.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: repositories accept either. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type EngineKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  kind: EngineKind;
  /** The PostgreSQL URL (undefined for PGlite): migrations use their own connection. */
  url?: string | undefined;
  /** Runs `SELECT 1`; rejects when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/** PostgreSQL when a URL is given, otherwise PGlite: in `dataDir/pglite`, or in memory for `memory://`. */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string;
  pglite?: PGlite;
}): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(opts.pglite ?? (await newPglite(opts.dataDir)), opts.dataDir);
}

/** A PGlite client on `dataDir/pglite` (lock taken; released by the handle `openDatabase({pglite, dataDir})` gives). */
export async function newPglite(dataDir: string | undefined): Promise<PGlite> {
  if (!dataDir) return PGlite.create();
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  takeLock(dir);
  try {
    // A fresh folder starts as a copy of the build's migrated template instead of running initdb.
    seedFromPgliteTemplate(dir);
    const pglite = await PGlite.create(dir, pgliteOptions());
    // PGlite writes some start-up files (pg_internal.init) group-readable; the folder is owner-only
    // anyway (DATA_DIR 0700), and so are its files.
    restrictTree(dir);
    return pglite;
  } catch (err) {
    releaseLock(dir);
    throw err;
  }
}

/**
 * PGlite's Postgres runs inside this process's WebAssembly memory, which only grows: its stock
 * shared_buffers (128 MB, sized for a server with many sessions) is resident memory of the Node process
 * once pages pass through it. One session over a database of a few hundred MB needs far less
 * (docs/benchmarks.md, memory).
 */
export function pgliteOptions(): { startParams: string[] } {
  return { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
}

function openPglite(client: PGlite, dataDir: string | undefined): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      if (!client.closed) await client.close();
      if (dataDir) releaseLock(join(dataDir, 'pglite'));
    },
  };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    url,
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async close() {
      await pool.end();
    },
  };
}

// PGlite is one process's database: a lock file turns a second opener's obscure failure into a clear one.
const LOCK = '.dato-oficial.lock';

function takeLock(dir: string) {
  const lockPath = join(dir, LOCK);
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DatabaseInUseError(
        `La base de datos integrada (${dir}) está en uso por el proceso ${pid}. ` +
          'Detén el servidor antes de usar este comando, o configura DATABASE_URL para usar PostgreSQL.',
      );
    }
  }
  writeFileSync(lockPath, String(process.pid));
}

function releaseLock(dir: string) {
  const lockPath = join(dir, LOCK);
  if (existsSync(lockPath) && Number(readFileSync(lockPath, 'utf8')) === process.pid) rmSync(lockPath);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
