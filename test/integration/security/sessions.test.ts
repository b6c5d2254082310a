import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import type { Deps } from '../../../src/services/deps.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { STAFF_COOKIE } from '../../../src/web/staff/auth.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';
import { aRequest } from '../../helpers/factories.ts';
import {
  anonymousClient,
  isSpanishMessage,
  lastSignInLink,
  refusalMessages,
  routeInventory,
  rowCounts,
  staffClient,
} from '../../helpers/security.ts';
import { formClient } from '../portal/form-client.ts';
import { aStaffUser, PASSWORD, totpCode } from '../staff/staff-helpers.ts';

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** The Set-Cookie lines of a response, by cookie name. */
function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) out.set(line.split('=')[0]!.trim(), line);
  return out;
}

describe.each(testEngines())('sessions, CSRF, cookies and rate limits on %s', (engine) => {
  let handle: DatabaseHandle;
  let app: Hono<AppEnv>;
  let deps: Deps;
  const clock = fixedClock('2026-11-24T17:00:00Z');

  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ app, deps } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  it('every form route (every POST outside /api): no CSRF token, a wrong one, or another browser’s → 403 in Spanish, nothing changes', async () => {
    const folio = (await aRequest(deps.db)).folio;
    const { client: staff } = await staffClient(app, deps, 'director');
    const other = await anonymousClient(app);
    const foreignToken = /name="_csrf" value="([^"]+)"/.exec(other.html)?.[1];
    expect(foreignToken).toBeDefined();
    const posts = routeInventory(app)
      .filter((r) => r.startsWith('POST ') && !r.startsWith('POST /api/'))
      .map((r) =>
        r
          .slice(5)
          .replace(':folio', folio)
          .replace(':slug', 'nota')
          .replace(':step', 'proposito')
          .replace(/:[a-zA-Z]+(\{[^}]*\})?/g, 'x'),
      );
    expect(posts.length).toBeGreaterThan(25);
    const before = await rowCounts(deps.db, ['requests', 'request_events', 'audit_log', 'outbox_jobs']);
    const failures: string[] = [];
    for (const path of posts) {
      for (const [label, token] of [
        ['none', undefined],
        ['wrong', 'x'.repeat(43)],
        ['foreign', foreignToken],
      ] as const) {
        const body = new URLSearchParams({ note: 'nota', purpose: 'Un propósito de prueba' });
        if (token) body.set('_csrf', token);
        const res = await app.request(path, {
          method: 'POST',
          headers: { cookie: cookieHeader(staff.jar), 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        if (res.status !== 403) failures.push(`${path} (${label}): ${res.status}`);
        else {
          const [message] = await refusalMessages(res);
          if (!isSpanishMessage(message ?? '')) failures.push(`${path} (${label}): ${message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await rowCounts(deps.db, ['requests', 'request_events', 'audit_log', 'outbox_jobs'])).toEqual(
      before,
    );
  });

  it('staff sign-in: a cookie set before sign-in is never adopted; the session id changes at the password and again at the code', async () => {
    const user = await aStaffUser(deps, 'director');
    const b = formClient(app);
    await b.get('/staff');
    const planted = 'AttackerChosenSessionValue0123456789abcdef';
    b.jar.set(STAFF_COOKIE, planted);
    const res = await b.post('/staff', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(303);
    const afterPassword = b.jar.get(STAFF_COOKIE);
    expect(afterPassword).toBeDefined();
    expect(afterPassword).not.toBe(planted);
    await b.get('/staff/verificacion');
    const done = await b.post('/staff/verificacion', { code: await totpCode(user.secret!, clock.now()) });
    expect(done.status).toBe(303);
    const afterCode = b.jar.get(STAFF_COOKIE);
    expect(afterCode).not.toBe(afterPassword);
    expect((await b.get('/staff/solicitudes')).status).toBe(200);
    // The planted value and the half-way (password only) session open nothing.
    for (const value of [planted, afterPassword!]) {
      const r = await app.request('/staff/solicitudes', { headers: { cookie: `${STAFF_COOKIE}=${value}` } });
      expect(r.status).toBe(303);
    }
    // Signing out ends the session on the server, not only in the browser.
    await b.post('/staff/salir', {});
    const reused = await app.request('/staff/solicitudes', {
      headers: { cookie: `${STAFF_COOKIE}=${afterCode}` },
    });
    expect(reused.status).toBe(303);
  });

  it('requester sign-in: a planted session cookie is not adopted; the link gives a new session id', async () => {
    const email = 'fijacion@example.org';
    await aRequest(deps.db, { requesterEmail: email });
    const b = formClient(app);
    await b.get('/mis-solicitudes');
    const planted = 'AttackerChosenRequesterSession0123456789';
    b.jar.set('dato_solicitante', planted);
    await b.post('/mis-solicitudes/acceso', { email });
    const link = (await lastSignInLink(deps.db, email))!;
    const entered = await b.post('/mis-solicitudes/entrar', {
      token: new URL(link).pathname.split('/').at(-1)!,
    });
    expect(entered.status).toBe(303);
    const session = b.jar.get('dato_solicitante');
    expect(session).toBeDefined();
    expect(session).not.toBe(planted);
    const r = await app.request('/mis-solicitudes', { headers: { cookie: `dato_solicitante=${planted}` } });
    expect(await r.text()).not.toContain(email);
  });

  it('cookies: HttpOnly and SameSite always, Secure when PUBLIC_BASE_URL is https', async () => {
    const config = testConfig({ PUBLIC_BASE_URL: 'https://datos.example.gob.mx', RATE_LIMIT_DISABLED: '1' });
    const secure = testApp(handle, { clock, config });
    const user = await aStaffUser(deps, 'auditor');
    const email = 'cookies@example.org';
    await aRequest(deps.db, { requesterEmail: email });
    const seen = new Map<string, string>();
    const keep = (res: Response) => {
      for (const [k, v] of setCookies(res)) seen.set(k, v);
    };
    const b = formClient(secure.app);
    keep((await b.get('/staff?lang=es-MX')).res);
    keep((await b.post('/staff', { email: user.email, password: PASSWORD })).res);
    keep((await b.post('/solicitud/nueva/proposito', { purpose: 'Un propósito de prueba largo' })).res);
    await b.post('/mis-solicitudes/acceso', { email });
    const link = (await lastSignInLink(deps.db, email))!;
    keep((await b.post('/mis-solicitudes/entrar', { token: new URL(link).pathname.split('/').at(-1)! })).res);
    for (const name of ['dato_csrf', STAFF_COOKIE, 'dato_borrador', 'dato_solicitante', 'lang']) {
      const line = seen.get(name);
      expect([name, line !== undefined]).toEqual([name, true]);
      expect([name, /;\s*HttpOnly/i.test(line!)]).toEqual([name, true]);
      expect([name, /;\s*SameSite=(Lax|Strict)/i.test(line!)]).toEqual([name, true]);
      expect([name, /;\s*Secure/i.test(line!)]).toEqual([name, true]);
    }
    // And without https, no Secure (a local http deployment still works).
    const plain = await app.request('/consulta');
    expect(setCookies(plain).get('dato_csrf')).not.toMatch(/;\s*Secure/i);
  });

  it('rate limits answer 429 in Spanish with Retry-After: staff sign-in, sign-in links, verification uploads', async () => {
    const limited = testApp(handle, {
      clock,
      config: testConfig({ RATE_LIMIT_SIGN_IN_PER_EMAIL_HOUR: '3' }),
    });
    const b = formClient(limited.app);
    await b.get('/staff');
    const expect429 = async (label: string, res: { status: number; res: Response; html: string }) => {
      expect([label, res.status]).toEqual([label, 429]);
      expect(res.res.headers.get('retry-after')).toMatch(/^\d+$/);
      const [message] = await refusalMessages(res.res, res.html || undefined);
      expect([label, message, isSpanishMessage(message ?? '')]).toEqual([label, message, true]);
    };
    let last = await b.post('/staff', { email: 'nadie0@example.org', password: 'x' });
    for (let i = 1; i <= 60 && last.status !== 429; i++) {
      last = await b.post('/staff', { email: `nadie${i}@example.org`, password: 'x' });
    }
    await expect429('staff sign-in', last);

    await b.get('/mis-solicitudes');
    for (let i = 0; i < 3; i++) {
      expect((await b.post('/mis-solicitudes/acceso', { email: 'limite@example.org' })).status).toBe(303);
    }
    await expect429('sign-in link', await b.post('/mis-solicitudes/acceso', { email: 'limite@example.org' }));

    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'copia.pdf', {
      type: 'application/pdf',
    });
    let upload = await b.post('/verificar/ABCD-EFGH-JKLM', { archivo: pdf });
    for (let i = 0; i < 40 && upload.status !== 429; i++) {
      upload = await b.post('/verificar/ABCD-EFGH-JKLM', { archivo: pdf });
    }
    await expect429('verification upload', upload);
  });
});
