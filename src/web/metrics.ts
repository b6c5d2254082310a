import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { routePath } from 'hono/route';
import {
  httpRequestDuration,
  httpRequests,
  metricsRegistry,
  refreshDatabaseGauges,
} from '../services/ops/metrics.ts';
import type { AppEnv } from './context.ts';

// The HTTP side of the metrics: per-route observation, and /metrics for whoever may scrape it.

/**
 * The route pattern that answered (`/consulta/:folio`), never the raw path: paths can carry tokens
 * and unbounded label values would swamp Prometheus. `unmatched` when only a middleware answered.
 */
export function routeLabel(c: Context): string {
  const path = routePath(c);
  return path === '/*' || path === '*' ? 'unmatched' : path;
}

/** Observes every request's latency and status. Mounted first so it sees everything. */
export function httpMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = routeLabel(c);
      const method = c.req.method;
      httpRequestDuration.observe({ method, route }, (performance.now() - started) / 1000);
      httpRequests.inc({ method, route, status: String(c.res.status) });
    }
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function remoteAddress(c: Context<AppEnv>): string | undefined {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * With METRICS_TOKEN: `Authorization: Bearer <token>` only. Without it: direct connections from
 * this machine only — a request relayed by a proxy (X-Forwarded-For / Forwarded) is refused even
 * though it arrives from localhost.
 */
export function mayScrape(c: Context<AppEnv>): boolean {
  const token = c.var.deps.config.metricsToken;
  if (token) {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m !== null && sameToken(m[1]!, token);
  }
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded') || c.req.header('x-real-ip')) return false;
  const addr = remoteAddress(c);
  return addr !== undefined && LOOPBACK.has(addr);
}

export const metricsRoutes = new Hono<AppEnv>().get('/metrics', async (c) => {
  if (!mayScrape(c)) {
    c.header('WWW-Authenticate', 'Bearer realm="metrics"');
    return c.text(c.var.t('error.forbidden'), c.var.deps.config.metricsToken ? 401 : 403);
  }
  const deps = c.var.deps;
  try {
    await refreshDatabaseGauges(deps);
  } catch (err) {
    // Still serve the process metrics; the database gauges keep their last values.
    deps.logger.warn({ err: (err as Error).message }, 'metrics: database gauges not refreshed');
  }
  c.header('Content-Type', metricsRegistry.contentType);
  return c.body(await metricsRegistry.metrics());
});
