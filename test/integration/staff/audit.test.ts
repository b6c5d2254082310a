import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/bootstrap.ts';
import { auditVerifyCommand } from '../../../src/cli/commands/audit-verify.ts';
import { createUserCommand } from '../../../src/cli/commands/create-user.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { auditLog, staffUsers } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser, signInAs } from './staff-helpers.ts';

describe.each(testEngines())('audit trail and its verification on %s', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  let app: ReturnType<typeof testApp>['app'];
  let runtime: Runtime;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle));
    runtime = { config: deps.config, logger: deps.logger, handle, deps };
  });
  afterAll(() => handle.close());

  const cli = async (cmd: typeof auditVerifyCommand, values: Record<string, string | boolean> = {}) => {
    const lines: string[] = [];
    const code = await cmd.run({ values, positionals: [], runtime, out: (l) => lines.push(l) });
    return { code, text: lines.join('\n') };
  };

  it('create-user makes an account and prints the TOTP enrolment URI for roles that need it', async () => {
    const director = await cli(createUserCommand, {
      email: 'Directora@COESPO.example',
      role: 'director',
      name: 'Directora',
    });
    expect(director.code).toBe(0);
    expect(director.text).toContain('Cuenta creada: directora@coespo.example (director).');
    expect(director.text).toMatch(/Contraseña \(se muestra solo esta vez\): \S{20}/);
    expect(director.text).toMatch(/otpauth:\/\/totp\/.*secret=/);
    const clerk = await cli(createUserCommand, { email: 'clerk@coespo.example', role: 'ventanilla' });
    // Every staff role signs in with a second factor (ROLES_REQUIRING_TOTP), the front desk too.
    expect(clerk.text).toMatch(/otpauth:\/\/totp\/.*secret=/);
    const bad = await cli(createUserCommand, { email: 'clerk@coespo.example', role: 'jefe' });
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('--role: Elige un rol.');
    const users = await deps.db.select().from(staffUsers);
    expect(users.map((u) => u.email).sort()).toEqual(['clerk@coespo.example', 'directora@coespo.example']);
    expect(users.every((u) => u.passwordHash.startsWith('$argon2id$'))).toBe(true);
  });

  it('audit verify reports an intact chain, then the first edited row after tampering', async () => {
    const user = await aStaffUser(deps, 'ventanilla');
    const b = await signInAs(app, deps, user);
    const req = await aRequest(deps.db);
    await b.get(`/staff/solicitudes/${req.folio}`);
    await b.post(`/staff/solicitudes/${req.folio}/revisar`, {});
    const ok = await cli(auditVerifyCommand);
    expect(ok.code).toBe(0);
    const rows = await deps.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(ok.text).toContain(`Bitácora íntegra: ${rows.length - 1} registros verificados.`);

    // Someone edits a row in the database directly: the triage now claims another folio.
    const victim = rows.find((r) => r.action === 'request.triage')!;
    await deps.db.execute(sql`UPDATE audit_log SET subject = 'COESPO-2026-999999' WHERE id = ${victim.id}`);
    const broken = await cli(auditVerifyCommand);
    expect(broken.code).toBe(1);
    expect(broken.text).toContain(`el registro ${victim.id} no coincide`);

    // The auditor sees the same in the browser.
    const auditor = await signInAs(app, deps, await aStaffUser(deps, 'auditor'));
    const res = await auditor.post('/staff/auditoria/verificar', {});
    expect(res.headers.get('location')).toContain(`rota=${victim.id}`);
    const page = await (await auditor.get(res.headers.get('location')!)).text();
    expect(page).toContain(`el registro ${victim.id} fue alterado`);
    const verified = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'audit.verified'));
    expect(verified.length).toBe(3);
  });
});
