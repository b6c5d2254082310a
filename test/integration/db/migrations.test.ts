import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { runMigrations } from '../../../src/db/migrate.ts';
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
