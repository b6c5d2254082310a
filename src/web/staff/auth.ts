import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authorize, type Permission } from '../../domain/permissions.ts';
import { resolveStaffSession } from '../../services/staff/sessions.ts';
import type { AppEnv } from '../context.ts';

export const STAFF_COOKIE = 'dato_staff';
/** Pages under /staff that work without a session. */
export const STAFF_PUBLIC_PATHS = ['/staff', '/staff/verificacion', '/staff/configuracion-inicial'];

export function setStaffCookie(c: Context<AppEnv>, token: string) {
  setCookie(c, STAFF_COOKIE, token, {
    path: '/staff',
    httpOnly: true,
    sameSite: 'Lax',
    // Secure whenever the public address is https; plain http on localhost still works for tests.
    secure: c.var.deps.config.publicBaseUrl.startsWith('https://'),
  });
}

export function clearStaffCookie(c: Context<AppEnv>) {
  deleteCookie(c, STAFF_COOKIE, { path: '/staff' });
}

export function staffToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, STAFF_COOKIE);
}

/** Only same-site staff paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  // No control characters: a CR/LF would split the Location header.
  return next && /^\/staff\/[^/\\]/.test(next) && !next.includes('//') && !/\p{Cc}/u.test(next)
    ? next
    : '/staff/solicitudes';
}

function signInRedirect(c: Context<AppEnv>) {
  const url = new URL(c.req.url);
  const next = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '';
  return c.redirect(next ? `/staff?siguiente=${encodeURIComponent(next)}` : '/staff', 303);
}

async function loadStaff(c: Context<AppEnv>): Promise<boolean> {
  if (c.get('staff')) return true;
  const { deps } = c.var;
  const staff = await resolveStaffSession(deps.db, staffToken(c), deps.clock.now());
  if (!staff) return false;
  c.set('staff', staff);
  return true;
}

/**
 * Requires a signed-in staff member (redirects to the sign-in page otherwise) and, when given, one
 * permission (403 otherwise). Sets `c.var.staff`.
 */
export function requireStaff(permission?: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await loadStaff(c))) return signInRedirect(c);
    if (permission) authorize(c.var.staff, permission);
    c.header('Cache-Control', 'no-store');
    await next();
  };
}

/** Guards all of /staff/*: every page but the sign-in ones needs a session. */
export const staffSessionGate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path.replace(/\/+$/, '') || '/';
  if (STAFF_PUBLIC_PATHS.includes(path)) return next();
  if (!(await loadStaff(c))) return signInRedirect(c);
  c.header('Cache-Control', 'no-store');
  await next();
};
