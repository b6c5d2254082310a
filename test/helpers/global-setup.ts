import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureBuilt } from '../../scripts/build.js';
import { openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { seedFromPgliteTemplate } from '../../src/db/pglite-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: { url: string; template: string } | null;
  }
}

/**
 * Builds dist/ when stale (child-process tests run it), then migrates one PGlite and (with
 * TEST_DATABASE_URL) one PostgreSQL template database; each test file clones a template instead of
 * migrating from scratch.
 */
export default async function setup(project: TestProject) {
  // Tests start servers from dist/ as production does: rebuild it when a source file is newer.
  // Outside CI a tree that does not build (someone mid-edit) leaves dist/ as it was, loudly: only the
  // tests that start dist/ are affected, and they fail on their own. In CI it is a failure.
  await ensureBuilt({ quiet: true }).catch((err: unknown) => {
    if (process.env.CI === 'true') throw err;
    console.warn(`\n*** dist/ NOT rebuilt: the tree does not build (${String(err).slice(0, 300)}) ***\n`);
  });
  const dir = mkdtempSync(join(tmpdir(), 'dato-tests-'));
  // Opened on a copy of the build's migrated PGlite folder when there is one: initdb inside WebAssembly
  // would cost ≈ 13 s of CPU on every test run. runMigrations then finds it current with one query.
  const seeded = join(dir, 'seed');
  mkdirSync(seeded);
  const pglite = seedFromPgliteTemplate(seeded) ? await PGlite.create(seeded) : await PGlite.create();
  const handle = await openDatabase({ pglite });
  await runMigrations(handle);
  const dump = await pglite.dumpDataDir('none');
  const pgliteTemplatePath = join(dir, 'template.tar');
  writeFileSync(pgliteTemplatePath, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplatePath', pgliteTemplatePath);

  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error(
      'CI=true pero TEST_DATABASE_URL no está definida: las pruebas de PostgreSQL no pueden omitirse en CI.',
    );
  }
  let template: string | null = null;
  if (url) {
    template = `dato_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const tmplHandle = await openDatabase({ databaseUrl: withDatabase(url, template) });
    await runMigrations(tmplHandle);
    await tmplHandle.close();
    project.provide('postgresTemplate', { url, template });
  } else {
    project.provide('postgresTemplate', null);
  }

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (url && template) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'dato_t_${process.pid}_%' OR datname = $1`,
        [template],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
