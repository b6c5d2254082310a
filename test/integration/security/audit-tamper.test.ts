import { asc, desc, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../../src/cli/commands/audit-verify.ts';
import { appendAudit, useAuditKey } from '../../../src/db/audit.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { auditCheckpoints, auditLog } from '../../../src/db/schema/index.ts';
import { auditHash, GENESIS_HASH } from '../../../src/domain/audit-chain.ts';
import { SWEEPS } from '../../../src/jobs/sweeps/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { TEST_AUDIT_KEY, testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { staffClient } from '../../helpers/security.ts';

const sweep = SWEEPS.find((s) => s.name === 'audit-checkpoint')!;

/**
 * A log as an upgraded installation has it: 3 rows from before the audit key ("sin llave"), then 6
 * keyed rows, and the hourly sweep's signed checkpoint of that head.
 */
async function seededLog(engine: Parameters<typeof createTestDatabase>[0]) {
  const handle = await createTestDatabase(engine);
  const { app, deps } = testApp(handle);
  const append = (i: number) =>
    deps.db.transaction((tx) =>
      appendAudit(tx, {
        actor: { type: 'system' },
        action: 'test.event',
        subject: `S-${i}`,
        data: { i },
        at: new Date(Date.UTC(2026, 10, 25, 16, 0, i)),
      }),
    );
  useAuditKey(null);
  for (let i = 1; i <= 3; i++) await append(i);
  useAuditKey(TEST_AUDIT_KEY);
  for (let i = 4; i <= 9; i++) await append(i);
  expect(sweep).toBeDefined();
  await sweep.run(deps);
  return { handle, deps, app };
}

async function auditVerify(handle: DatabaseHandle, deps: Deps) {
  const lines: string[] = [];
  const code = await auditVerifyCommand.run({
    values: {},
    positionals: [],
    // Object.assign: the runtime's shape is growing (warmUp) while this is written.
    runtime: Object.assign(
      { config: deps.config, logger: deps.logger, handle, deps },
      { warmUp: async () => {} },
    ),
    out: (l) => lines.push(l),
  });
  return { code, text: lines.join('\n') };
}

/** What someone with database access but without the key can do: recompute SHA-256 links from `fromId` on. */
async function relinkWithoutKey(deps: Deps, fromId: number) {
  const rows = await deps.db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.id >= fromId) {
      const hash = auditHash(prev, row);
      await deps.db.execute(
        sql`UPDATE audit_log SET prev_hash = ${prev}, hash = ${hash} WHERE id = ${row.id}`,
      );
      prev = hash;
    } else prev = row.hash;
  }
}

describe.each(testEngines())('audit chain against someone with database access (%s)', (engine) => {
  it('untouched: "íntegra", older rows reported "sin llave", the last good checkpoint named, a new one signed', async () => {
    const { handle, deps } = await seededLog(engine);
    try {
      const first = await auditVerify(handle, deps);
      expect(first.code).toBe(0);
      expect(first.text).toContain('Bitácora íntegra: 9 registros verificados.');
      expect(first.text).toContain(
        '3 registros anteriores a la llave de la bitácora se verificaron sin llave',
      );
      expect(first.text).toMatch(/Último punto de control válido: firmado el .+, 9 registros hasta el \d+\./);
      expect(first.text).toMatch(/Nuevo punto de control firmado con el sello: 10 registros/);
      const again = await auditVerify(handle, deps);
      expect(again.code).toBe(0);
      expect(again.text).toContain('Bitácora íntegra: 10 registros verificados.');
      expect(again.text).toMatch(/Último punto de control válido: .*10 registros/);
    } finally {
      await handle.close();
    }
  });

  it('deleting the last rows is reported as truncation', async () => {
    const { handle, deps, app } = await seededLog(engine);
    try {
      const [last] = await deps.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      await deps.db.delete(auditLog).where(gt(auditLog.id, last!.id - 2));
      const r = await auditVerify(handle, deps);
      expect(r.code).toBe(1);
      expect(r.text).toMatch(
        /Bitácora TRUNCADA: el punto de control firmado el .+ cubría 9 registros hasta el \d+; hoy la cadena tiene 7\. Se borraron registros\./,
      );
      expect(r.text).not.toContain('íntegra');
      expect(r.text).toContain('No hay un punto de control válido');
      // The auditor's page says so too (no row is broken, yet the chain is not intact).
      const { client } = await staffClient(app, deps, 'auditor');
      const res = await client.post('/staff/auditoria/verificar', {});
      expect(res.status).toBe(303);
      const page = await client.get(res.location!);
      expect(page.html).toContain('La cadena NO está íntegra');
      expect(page.html).not.toContain('La cadena está íntegra');
    } finally {
      await handle.close();
    }
  });

  it('editing a row and recomputing the later hashes (without the key) is found at that row', async () => {
    const { handle, deps } = await seededLog(engine);
    try {
      const rows = await deps.db.select().from(auditLog).orderBy(asc(auditLog.id));
      const victim = rows[5]!;
      await deps.db.execute(sql`UPDATE audit_log SET subject = 'S-999' WHERE id = ${victim.id}`);
      await relinkWithoutKey(deps, victim.id);
      const r = await auditVerify(handle, deps);
      expect(r.code).toBe(1);
      expect(r.text).toContain(`Bitácora ALTERADA: el registro ${victim.id} no coincide con la cadena`);
      expect(r.text).not.toContain('íntegra');
    } finally {
      await handle.close();
    }
  });

  it('rewriting the whole chain without the key (as if no row were keyed) no longer matches the signed checkpoint', async () => {
    const { handle, deps } = await seededLog(engine);
    try {
      const rows = await deps.db.select().from(auditLog).orderBy(asc(auditLog.id));
      await deps.db.execute(sql`UPDATE audit_log SET subject = 'S-999' WHERE id = ${rows[6]!.id}`);
      await relinkWithoutKey(deps, rows[0]!.id);
      const r = await auditVerify(handle, deps);
      expect(r.code).toBe(1);
      expect(r.text).toMatch(
        /Bitácora REESCRITA: el punto de control firmado el .+ ya no coincide con la cadena\./,
      );
    } finally {
      await handle.close();
    }
  });

  it('a checkpoint written into the table by someone without the key and the seal is reported as forged', async () => {
    const { handle, deps } = await seededLog(engine);
    try {
      const [real] = await deps.db.select().from(auditCheckpoints).limit(1);
      const [fake] = await deps.db
        .insert(auditCheckpoints)
        .values({ ...real!, id: undefined, lastId: real!.lastId - 2, rowCount: 7, mac: 'ab'.repeat(32) })
        .returning();
      const r = await auditVerify(handle, deps);
      expect(r.code).toBe(1);
      expect(r.text).toContain(
        `Puntos de control FALSOS (sin la llave o la firma del sello válidas): ${fake!.id}.`,
      );
    } finally {
      await handle.close();
    }
  });
});
