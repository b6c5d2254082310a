import { join } from 'node:path';
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
