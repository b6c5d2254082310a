import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/db/audit.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { auditLog } from '../../../src/db/schema/index.ts';
import { findFirstBrokenRow } from '../../../src/domain/audit-chain.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

describe.each(testEngines())('audit log on %s', (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('chains concurrent appends and detects an edited row', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        handle.db.transaction((tx) =>
          appendAudit(tx, {
            actor: { type: 'system' },
            action: 'test.append',
            subject: `n${i}`,
            data: { i, nested: { b: 2, a: 1 } },
            at: new Date(Date.UTC(2026, 10, 25, 16, 0, 0, i)),
          }),
        ),
      ),
    );
    const rows = await handle.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows).toHaveLength(12);
    expect(findFirstBrokenRow(rows)).toBeNull();
    const victim = rows[5]!;
    await handle.db
      .update(auditLog)
      .set({ data: { i: 999 } })
      .where(eq(auditLog.id, victim.id));
    const after = await handle.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(findFirstBrokenRow(after)).toBe(victim.id);
  });
});
