import { asc, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { auditLog, staffSessions, staffUsers } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { issueSetupLink } from '../../../src/services/staff/initial-setup.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aStaffUser, Browser, PASSWORD, signInAs, totpCode } from './staff-helpers.ts';

describe.each(testEngines())('staff sign-in on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-25T16:00:00Z');
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  it('redirects any /staff/ page without a session to the sign-in page, keeping where to go', async () => {
    for (const path of [
      '/staff/solicitudes',
      '/staff/admin/usuarios',
      '/staff/no-existe',
      '/staff/auditoria',
    ]) {
      const res = await app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/staff?siguiente=${encodeURIComponent(path)}`);
    }
    const page = await app.request('/staff');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Acceso del personal');
  });

  it('signs a ventanilla in (password, then TOTP) with a new HttpOnly SameSite=Lax session cookie and audits it', async () => {
    const user = await aStaffUser(deps, 'ventanilla');
    const b = new Browser(app);
    await b.get('/staff');
    b.cookies.set('dato_staff', 'token-plantado-por-un-atacante-0000000000');
    const half = await b.post('/staff', {
      email: user.email.toUpperCase(),
      password: PASSWORD,
      siguiente: '/staff/solicitudes?status=all',
    });
    // Every role that sees requests has a second factor (issue 16, finding 8).
    expect(half.headers.get('location')).toBe(
      `/staff/verificacion?siguiente=${encodeURIComponent('/staff/solicitudes?status=all')}`,
    );
    expect(b.cookies.get('dato_staff')).not.toBe('token-plantado-por-un-atacante-0000000000');
    const res = await b.post('/staff/verificacion', {
      code: await totpCode(user.secret!, clock.now()),
      siguiente: '/staff/solicitudes?status=all',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/solicitudes?status=all');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dato_staff='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\/staff/);
    expect(cookie).not.toMatch(/Secure/); // http://localhost in tests
    expect(b.cookies.get('dato_staff')).not.toBe('token-plantado-por-un-atacante-0000000000');
    const queue = await b.get('/staff/solicitudes');
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain('Solicitudes');
    const audits = await deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `staff:${user.id}`));
    expect(audits.map((a) => a.action)).toContain('staff.sign_in');
  });

  it('refuses a wrong password with a Spanish error, keeps the e-mail, audits the failure', async () => {
    const user = await aStaffUser(deps, 'tecnico');
    const b = new Browser(app);
    const res = await b.post('/staff', { email: user.email, password: 'no es la contraseña' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('El correo o la contraseña no son correctos.');
    expect(html).toContain(`value="${user.email}"`);
    expect(b.cookies.has('dato_staff')).toBe(false);
    const unknown = await b.post('/staff', { email: 'nadie@coespo.example', password: 'x' });
    expect(await unknown.text()).toContain('El correo o la contraseña no son correctos.');
    const fails = await deps.db.select().from(auditLog).where(eq(auditLog.action, 'staff.sign_in_failed'));
    expect(fails.map((f) => f.subject)).toEqual(
      expect.arrayContaining([`staff:${user.id}`, 'email:nadie@coespo.example']),
    );
  });

  it('locks the account after five failures, with a back-off, even for the right password', async () => {
    const user = await aStaffUser(deps, 'tecnico');
    const b = new Browser(app);
    for (let i = 0; i < 5; i++) await b.post('/staff', { email: user.email, password: 'mala contraseña' });
    const locked = await b.post('/staff', { email: user.email, password: PASSWORD });
    expect(locked.status).toBe(400);
    expect(await locked.text()).toContain('bloqueada temporalmente');
    clock.advance(61_000);
    const sixth = await b.post('/staff', { email: user.email, password: 'mala otra vez' });
    expect(sixth.status).toBe(400);
    const [row] = await deps.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    // The sixth failure doubles the wait to two minutes.
    expect(row!.lockedUntil!.getTime() - clock.now().getTime()).toBe(120_000);
    clock.advance(121_000);
    const ok = await b.post('/staff', { email: user.email, password: PASSWORD });
    expect(ok.status).toBe(303);
  });

  it('requires the TOTP code for a director; the half-way session opens nothing; a code works once', async () => {
    const user = await aStaffUser(deps, 'director');
    expect(user.totpUri).toMatch(/^otpauth:\/\/totp\//);
    const b = new Browser(app);
    const res = await b.post('/staff', { email: user.email, password: PASSWORD });
    expect(res.headers.get('location')).toMatch(/^\/staff\/verificacion/);
    expect((await b.get('/staff/solicitudes')).status).toBe(303);
    const enrol = await (await b.get('/staff/verificacion')).text();
    expect(enrol).toContain(user.secret!);
    expect((await b.post('/staff/verificacion', { code: '000000' })).status).toBe(400);
    const code = await totpCode(user.secret!, clock.now());
    const ok = await b.post('/staff/verificacion', { code });
    expect(ok.status).toBe(303);
    expect((await b.get('/staff/solicitudes')).status).toBe(200);
    // The same code again (another sign-in within the same 30 s) is refused: no replay.
    const again = new Browser(app);
    await again.post('/staff', { email: user.email, password: PASSWORD });
    expect((await again.post('/staff/verificacion', { code })).status).toBe(400);
    // Enrolled: the page no longer shows the secret.
    expect(await (await again.get('/staff/verificacion')).text()).not.toContain(user.secret!);
  });

  it('ends a session after 30 idle minutes and on sign-out', async () => {
    const user = await aStaffUser(deps, 'auditor');
    const b = await signInAs(app, deps, user);
    expect((await b.get('/staff/solicitudes')).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await b.get('/staff/solicitudes')).status).toBe(303);
    const b2 = await signInAs(app, deps, user);
    const out = await b2.post('/staff/salir', {});
    expect(out.status).toBe(303);
    expect((await b2.get('/staff/solicitudes')).status).toBe(303);
    const left = await deps.db.select().from(staffSessions).where(eq(staffSessions.userId, user.id));
    expect(left).toHaveLength(0);
  });

  it('a one-time setup link creates the first admin, and only once', async () => {
    const fresh = await createTestDatabase(engine);
    try {
      const t = testApp(fresh, { clock });
      const link = await issueSetupLink(t.deps);
      expect(link).toMatch(/\/staff\/configuracion-inicial\?token=/);
      const path = new URL(link!).pathname + new URL(link!).search;
      const b = new Browser(t.app);
      expect((await b.get(path)).status).toBe(200);
      const bad = await b.post(path, { name: 'Ad', email: 'no-es-correo', password: 'corta' });
      expect(bad.status).toBe(400);
      const badHtml = await bad.text();
      expect(badHtml).toContain('Escribe un correo electrónico válido');
      expect(badHtml).toContain('al menos 12 caracteres');
      expect(await fresh.db.select().from(staffUsers)).toHaveLength(0);
      const ok = await b.post(path, {
        name: 'Administración',
        email: 'admin@coespo.example',
        password: PASSWORD,
      });
      expect(ok.status).toBe(303);
      expect(await (await b.get(ok.headers.get('location')!)).text()).toContain(
        'La cuenta de administración quedó creada',
      );
      const admins = await fresh.db.select().from(staffUsers);
      expect(admins.map((a) => a.role)).toEqual(['admin']);
      expect((await b.get(path)).status).toBe(404);
      expect(await issueSetupLink(t.deps)).toBeNull();
      const actions = (await fresh.db.select().from(auditLog).orderBy(asc(auditLog.id))).map((a) => a.action);
      expect(actions).toEqual(['staff.setup_link_issued', 'staff.user_created']);
    } finally {
      await fresh.close();
    }
  });

  it('marks the session cookie Secure when the public address is https', async () => {
    const t = testApp(handle, {
      clock,
      config: testConfig({ PUBLIC_BASE_URL: 'https://datos.example.gob.mx' }),
    });
    const user = await aStaffUser(t.deps, 'ventanilla');
    const b = new Browser(t.app);
    const res = await b.post('/staff', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('dato_staff='))).toMatch(/;\s*Secure/i);
  });

  it('slows guessing from one address across accounts (429 with a Spanish message)', {
    timeout: 120_000,
  }, async () => {
    const t = testApp(handle, { clock });
    const b = new Browser(t.app);
    let last: Response | undefined;
    for (let i = 0; i < 61; i++)
      last = await b.post('/staff', { email: `x${i}@coespo.example`, password: 'x' });
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain('Hiciste demasiadas solicitudes seguidas');
  });
});
