import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { PROJECT_ROOT } from '../config/index.ts';
import { DEFAULT_LOCALE, parseLocale, translator } from '../i18n/index.ts';
import type { Deps } from '../services/deps.ts';
import { apiRoutes } from './api/routes.ts';
import type { AppEnv } from './context.ts';
import { csrfProtection } from './csrf.ts';
import { handleError, notFoundPage } from './errors.tsx';
import { healthRoutes } from './health.ts';
import { httpMetrics, routeLabel } from './metrics.ts';
import { noStoreForPersonalPages } from './no-store.ts';
import { opsRoutes } from './ops-routes.ts';
import { publicRoutes } from './public/routes.ts';
import { isCacheablePublicPage, publicPageCache } from './public-cache.ts';
import { staffRoutes } from './staff/routes.ts';

// From the project root, so the build in dist/ serves the same files.
const STATIC_ROOT = join(PROJECT_ROOT, 'src/web/static');
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(requestId({ generator: () => randomUUID() }));
  app.use(httpMetrics());
  // Pages that are the same for everyone come from memory, before the per-request work below.
  app.use(publicPageCache(deps));
  app.use(async (c, next) => {
    c.set('deps', deps);
    const fromQuery = parseLocale(c.req.query('lang'));
    if (fromQuery) {
      const secure = deps.config.publicBaseUrl.startsWith('https://');
      setCookie(c, 'lang', fromQuery, { path: '/', sameSite: 'Lax', httpOnly: true, secure });
    }
    const locale = fromQuery ?? parseLocale(getCookie(c, 'lang')) ?? DEFAULT_LOCALE;
    c.set('locale', locale);
    c.set('t', translator(locale));
    const started = performance.now();
    await next();
    // The route pattern only: raw paths and query strings may carry tokens or personal data.
    deps.logger.info(
      {
        requestId: c.var.requestId,
        method: c.req.method,
        path: routeLabel(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        const message = c.var.t('error.body_too_large');
        return c.req.path.startsWith('/api/')
          ? c.json({ error: { code: 'invalid_input', message } }, 413)
          : c.text(message, 413);
      },
    }),
  );
  app.use(
    '/static/*',
    serveStatic({ root: STATIC_ROOT, rewriteRequestPath: (p) => p.replace(/^\/static/, '') }),
  );
  app.route('/', healthRoutes);
  app.route('/', opsRoutes);
  // The cached public pages have no form: no CSRF cookie for them (it would also make them personal).
  const csrf = csrfProtection();
  app.use((c, next) => (isCacheablePublicPage(c.req.method, c.req.path) ? next() : csrf(c, next)));
  app.use(noStoreForPersonalPages());
  app.route('/api/v1', apiRoutes);
  app.route('/staff', staffRoutes);
  app.route('/', publicRoutes);

  app.notFound(notFoundPage);
  app.onError(handleError);
  return app;
}
