import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../src/db/client.ts';
import { MIGRATIONS_FOLDER, runMigrations } from '../../../src/db/migrate.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

describe.each(testEngines())('migrations on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('apply twice without error and leave the tables in place', async () => {
    await runMigrations(handle);
    await runMigrations(handle);
    const result = await handle.db.execute(
      sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('requests','audit_log','outbox_jobs')`,
    );
    const rows = (result as unknown as { rows: { n: number }[] }).rows;
    expect(rows[0]?.n).toBe(3);
  });
});

describe.skipIf(!testEngines().includes('postgres'))('migrations on an empty PostgreSQL database', () => {
  it('run once when two processes start at the same time', async () => {
    const { url } = inject('postgresTemplate')!;
    const name = `dato_t_${inject('postgresTemplate')!.template.replace('dato_tmpl_', '')}_race`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const [a, b] = await Promise.all([
      openDatabase({ databaseUrl: u.toString() }),
      openDatabase({ databaseUrl: u.toString() }),
    ]);
    try {
      await Promise.all([runMigrations(a), runMigrations(b)]);
      const result = await a.db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
      const rows = (result as unknown as { rows: { n: number }[] }).rows;
      expect(rows[0]?.n).toBeGreaterThan(0);
      expect(rows[0]?.n).toBe(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length);
    } finally {
      await a.close();
      await b.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
