import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PROJECT_ROOT } from '../config/index.ts';
import type { DatabaseHandle, Schema } from './client.ts';

// Any constant: several processes starting at once take turns, so each migration runs once.
const MIGRATION_LOCK_KEY = 7_040_216;

// From the project root, so the build in dist/ finds the same SQL files.
export const MIGRATIONS_FOLDER = join(PROJECT_ROOT, 'src/db/migrations');

/** Applies pending migrations (idempotent: already applied ones are skipped). */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  // The usual case at start: nothing to apply, known from one query instead of drizzle's reading and
  // hashing every file, creating its schema and table, and (PostgreSQL) a connection plus a lock.
  if (await migrationsAreCurrent(handle)) return;
  const config: MigrationConfig = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
    return;
  }
  if (!handle.url) throw new Error('runMigrations: PostgreSQL handle without URL');
  // A session-level lock needs one connection for the whole run, not a pool.
  const client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client), config);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/**
 * True when the newest migration in the journal is already recorded in the database (drizzle keeps
 * each migration's journal `when` in `created_at`). Any doubt (no table yet, a read error) says false
 * and the full migrator decides.
 */
async function migrationsAreCurrent(handle: DatabaseHandle): Promise<boolean> {
  try {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    const newest = Math.max(...journal.entries.map((e) => e.when));
    const result = await handle.db.execute(
      sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
    );
    const applied = Number(
      (result as unknown as { rows: { created_at: string | number }[] }).rows[0]?.created_at,
    );
    // Drizzle applies the files newer than the last applied one; a newer database (rolling upgrade) has none.
    return applied >= newest;
  } catch {
    return false;
  }
}
