import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

/**
 * The requester's pages show their name, e-mail, question and documents: no browser or proxy cache may
 * keep a copy (a shared computer, a back button after sign-out).
 */
const PERSONAL = /^\/(solicitud|mis-solicitudes|seguimiento|consulta|descargas)(\/|$)/;

export function noStoreForPersonalPages(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (PERSONAL.test(c.req.path) && !/no-store/.test(c.res.headers.get('cache-control') ?? ''))
      c.res.headers.set('Cache-Control', 'private, no-store');
  };
}
