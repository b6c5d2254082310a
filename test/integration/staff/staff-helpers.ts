import type { Hono } from 'hono';
import { generate } from 'otplib';
import type { StaffRole } from '../../../src/domain/actor.ts';
import { SYSTEM } from '../../../src/domain/actor.ts';
import { roleRequiresTotp } from '../../../src/domain/permissions.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { createStaffUser } from '../../../src/services/staff/create-staff-user.ts';
import type { StaffPrincipal } from '../../../src/services/staff/sessions.ts';
import { findStaffUserByEmail } from '../../../src/services/staff/staff-users.ts';
import type { AppEnv } from '../../../src/web/context.ts';
import { cookieHeader, keepCookies } from '../../helpers/cookie-jar.ts';
import { csrfTokenIn } from '../../helpers/csrf.ts';

export const PASSWORD = 'una frase larga de prueba 2026';

let n = 0;

/** A staff account made through the real use case; returns what a person would know. */
export async function aStaffUser(deps: Deps, role: StaffRole, name = `Persona ${role}`) {
  n += 1;
  const email = `${role}${n}@coespo.example`;
  const created = await createStaffUser(deps, SYSTEM, {
    email,
    name: `${name} ${n}`,
    role,
    password: PASSWORD,
  });
  const row = (await findStaffUserByEmail(deps.db, email))!;
  const actor: StaffPrincipal = { type: 'staff', id: created.id, role, name: row.name, email };
  return { ...created, actor, secret: row.totpSecret };
}

/** A cookie-keeping client over `app.request`, like a browser without JavaScript. */
export class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly app: Hono<AppEnv>) {}

  async get(path: string) {
    const res = await this.app.request(path, { headers: { cookie: cookieHeader(this.cookies) } });
    keepCookies(this.cookies, res);
    const html = res.headers.get('content-type')?.includes('text/html') ? await res.clone().text() : '';
    this.csrf = csrfTokenIn(html) ?? this.csrf;
    return res;
  }

  async post(path: string, form: Record<string, string> | FormData) {
    if (!this.csrf) await this.get('/staff');
    let body: string | FormData;
    const headers: Record<string, string> = { cookie: cookieHeader(this.cookies) };
    if (form instanceof FormData) {
      form.set('_csrf', this.csrf);
      body = form;
    } else {
      body = new URLSearchParams({ ...form, _csrf: this.csrf }).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await this.app.request(path, { method: 'POST', headers, body });
    keepCookies(this.cookies, res);
    return res;
  }
}

export async function totpCode(secret: string, at: Date) {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** Signs a staff member in through the pages (password, then the code when the role needs one). */
export async function signInAs(app: Hono<AppEnv>, deps: Deps, user: Awaited<ReturnType<typeof aStaffUser>>) {
  const b = new Browser(app);
  await b.get('/staff');
  const res = await b.post('/staff', { email: user.email, password: PASSWORD });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  if (roleRequiresTotp(user.role as StaffRole)) {
    await b.get('/staff/verificacion');
    // A fresh time step each time: a code is accepted once.
    const at = new Date(deps.clock.now().getTime());
    const done = await b.post('/staff/verificacion', { code: await totpCode(user.secret!, at) });
    if (done.status !== 303) throw new Error(`TOTP failed: ${done.status} ${await done.text()}`);
  }
  return b;
}
