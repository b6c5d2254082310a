import { and, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { auditLog, oficios, outboxJobs } from '../../../src/db/schema/index.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { buildAnswer } from '../../../src/services/answers/build-answer.ts';
import { deliverAnswer } from '../../../src/services/answers/deliver-answer.ts';
import { signAnswer } from '../../../src/services/answers/sign-answer.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { testApp } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import { aStaffUser, signInAs } from '../staff/staff-helpers.ts';
import { fakeStats } from './fake-stats.ts';

describe.each(testEngines())('revoking an oficio from the staff request page on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { stats: fakeStats() }));
  });
  afterAll(() => handle.close());

  async function delivered() {
    const req = await aRequest(deps.db, { status: 'received', geo: 'set:15033,15058', formats: ['xlsx'] });
    await buildAnswer(deps, { requestId: req.id }, SYSTEM);
    const signed = await signAnswer(deps, { requestId: req.id }, SYSTEM);
    await deliverAnswer(deps, { requestId: req.id }, SYSTEM);
    return { folio: req.folio, code: signed.verificationCode };
  }
  const statusOf = async (code: string) =>
    (await deps.db.select().from(oficios).where(eq(oficios.verificationCode, code)))[0]!.status;

  it('a director revokes with a reason: audited, and /verificar shows revoked, the date and the reason', async () => {
    const { folio, code } = await delivered();
    const director = await signInAs(app, deps, await aStaffUser(deps, 'director'));
    const page = await (await director.get(`/staff/solicitudes/${folio}`)).text();
    expect(page).toContain(`action="/staff/solicitudes/${folio}/revocar"`);

    const res = await director.post(`/staff/solicitudes/${folio}/revocar`, {
      _action: 'revoke',
      code,
      reason: 'La cifra de población estaba mal calculada',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/solicitudes/${folio}?hecho=revocar`);
    expect(await statusOf(code)).toBe('revoked');
    const audit = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, folio), eq(auditLog.action, 'oficio.revoked')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).not.toBe('system');
    const mails = (await deps.db.select().from(outboxJobs).where(eq(outboxJobs.kind, 'mail.send'))).filter(
      (j) => (j.payload as { data: { folio?: string } }).data.folio === folio,
    );
    const notice = mails.find(
      (j) => (j.payload as { template: string }).template === 'request.status_changed',
    );
    expect(notice).toBeDefined();
    expect((notice!.payload as { data: { message: string } }).data.message).toContain(
      'La cifra de población estaba mal calculada',
    );

    const shown = await (await app.request(`/verificar/${code}`)).text();
    expect(shown).toContain('Revocado');
    expect(shown).toContain('Fecha de revocación');
    expect(shown).toContain('La cifra de población estaba mal calculada');
    // No longer offered once revoked.
    expect(await (await director.get(`/staff/solicitudes/${folio}`)).text()).not.toContain('/revocar"');
  });

  it('without a reason: 400 with a Spanish error summary, and nothing changes', async () => {
    const { folio, code } = await delivered();
    const director = await signInAs(app, deps, await aStaffUser(deps, 'director'));
    const res = await director.post(`/staff/solicitudes/${folio}/revocar`, {
      _action: 'revoke',
      code,
      reason: '   ',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('error-summary');
    expect(html).toContain('Escribe el motivo de la revocación.');
    expect(await statusOf(code)).toBe('valid');
    expect(await (await app.request(`/verificar/${code}`)).text()).toContain('Válido');
    const audit = await deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subject, folio), eq(auditLog.action, 'oficio.revoked')));
    expect(audit).toHaveLength(0);
  });

  it('a técnico gets 403 and the oficio stays valid; a code of another request is not found', async () => {
    const { folio, code } = await delivered();
    const other = await delivered();
    const tecnico = await signInAs(app, deps, await aStaffUser(deps, 'tecnico'));
    const res = await tecnico.post(`/staff/solicitudes/${folio}/revocar`, {
      _action: 'revoke',
      code,
      reason: 'Sin permiso',
    });
    expect(res.status).toBe(403);
    expect(await statusOf(code)).toBe('valid');

    const director = await signInAs(app, deps, await aStaffUser(deps, 'director'));
    const wrong = await director.post(`/staff/solicitudes/${folio}/revocar`, {
      _action: 'revoke',
      code: other.code,
      reason: 'Código de otra solicitud',
    });
    expect(wrong.status).toBe(404);
    expect(await statusOf(other.code)).toBe('valid');
  });
});
