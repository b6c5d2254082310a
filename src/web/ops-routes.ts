import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Hono } from 'hono';
import { agencyCss } from '../config/agency.ts';
import { DEFAULT_LOCALE, translator } from '../i18n/index.ts';
import type { Deps } from '../services/deps.ts';
import type { AppEnv } from './context.ts';
import { healthRoutes } from './health.ts';
import { httpMetrics, metricsRoutes } from './metrics.ts';
import { readinessRoutes } from './readiness.ts';

const IMAGE_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/**
 * Operations endpoints (/metrics, /readyz) and the agency's assets generated from its config:
 * the palette as CSS custom properties (CSP forbids inline styles) and the logo.
 */
export const opsRoutes = new Hono<AppEnv>()
  .route('/', metricsRoutes)
  .route('/', readinessRoutes)
  .get('/static/agency.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(agencyCss(c.var.deps.config.agency));
  })
  .get('/static/agency-logo', async (c) => {
    const logo = c.var.deps.config.agency.logo;
    if (!logo) return c.notFound();
    c.header('Content-Type', IMAGE_TYPES[extname(logo).toLowerCase()] ?? 'application/octet-stream');
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(new Uint8Array(await readFile(logo)));
  });

/**
 * /healthz, /readyz and /metrics alone, for a process without the web app: `npm run start:worker`
 * serves it on WORKER_OPS_PORT so its own series (auto-answer durations, process metrics) can be
 * scraped and a supervisor can probe it.
 */
export function opsApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(httpMetrics());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('locale', DEFAULT_LOCALE);
    c.set('t', translator(DEFAULT_LOCALE));
    await next();
  });
  app.route('/', healthRoutes);
  app.route('/', metricsRoutes);
  app.route('/', readinessRoutes);
  return app;
}
