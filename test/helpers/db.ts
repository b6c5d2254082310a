import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, type EngineKind, openDatabase } from '../../src/db/client.ts';

/** The engines this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): EngineKind[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated, empty database, cloned from the run's template (fast: no migrations). */
export async function createTestDatabase(kind: EngineKind = 'pglite'): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    const tar = readFileSync(inject('pgliteTemplatePath'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([tar]) });
    return openDatabase({ pglite });
  }
  const tmpl = inject('postgresTemplate');
  if (!tmpl) throw new Error('PostgreSQL no está configurado para esta ejecución (TEST_DATABASE_URL).');
  // The global setup's pid names the template; clones carry it so teardown finds leftovers.
  const pid = tmpl.template.replace('dato_tmpl_', '');
  const name = `dato_t_${pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: tmpl.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tmpl.template}`);
  } finally {
    await admin.end();
  }
  const u = new URL(tmpl.url);
  u.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: u.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const a = new pg.Client({ connectionString: tmpl.url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
