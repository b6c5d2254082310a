import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { ForbiddenError, InvalidInputError } from '../domain/errors.ts';
import type { AppEnv } from './context.ts';

const COOKIE = 'dato_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function tokenFor(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
}

/**
 * Signed double-submit CSRF protection for every form (the JSON API is exempt: it takes no cookies
 * for authority). A random nonce lives in a cookie; forms carry HMAC(secret, nonce) in `_csrf`.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secret = c.var.deps.secret;
    let nonce = getCookie(c, COOKIE);
    if (!nonce || !/^[A-Za-z0-9_-]{20,64}$/.test(nonce)) {
      nonce = randomBytes(18).toString('base64url');
      setCookie(c, COOKIE, nonce, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.deps.config.publicBaseUrl.startsWith('https://'),
        path: '/',
      });
    }
    const expected = tokenFor(secret, nonce);
    c.set('csrfToken', expected);
    if (UNSAFE.has(c.req.method) && !c.req.path.startsWith('/api/')) {
      const type = c.req.header('content-type') ?? '';
      let sent: unknown = c.req.header('x-csrf-token');
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        // Parsed here even when the header carries the token (handlers reuse Hono's cached body): a
        // body that does not parse (bad multipart boundary, broken encoding) is bad input, not a 500.
        const form = await c.req.parseBody().catch(() => {
          throw new InvalidInputError([]);
        });
        sent ??= form._csrf;
      }
      const ok =
        typeof sent === 'string' &&
        sent.length === expected.length &&
        timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
      if (!ok) throw new ForbiddenError('csrf', 'error.csrf');
    }
    await next();
  };
}
