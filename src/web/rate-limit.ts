import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config/index.ts';
import type { Logger } from '../config/logger.ts';
import { hitRateLimit, type RateLimitName, type RateLimitRule } from '../services/limits/rate-limits.ts';
import type { AppEnv } from './context.ts';

/**
 * The HTTP side of the rate limits (the rules and counters are in src/services/limits/rate-limits.ts):
 *
 *   await hitRateLimit(deps, 'api:ip', clientIp(c));         // shared by every process on PostgreSQL
 *   app.post('/x', rateLimit('staff_sign_in:ip'), handler);   // the same as middleware
 *
 * RATE_LIMIT_DISABLED=1 turns all off.
 */
export { hitRateLimit, type RateLimitName, type RateLimitRule };

/** Middleware form: counts a hit of `rule` for `key(c)` (the client IP by default) before the handler. */
export function rateLimit(
  rule: RateLimitName | RateLimitRule,
  key: (c: Context<AppEnv>) => string = clientIp,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await hitRateLimit(c.var.deps, rule, key(c));
    await next();
  };
}

/**
 * The client's IP. Behind trusted proxies (RATE_LIMIT_TRUST_PROXY=1) it is the address the nearest
 * trusted proxy saw: each proxy appends the address it received the request from, so with
 * RATE_LIMIT_TRUSTED_PROXY_HOPS proxies in front the client is that many entries from the right.
 * Entries further left were written by the client and prove nothing.
 */
export function clientIp(c: Context<AppEnv>): string {
  const { trustProxy, trustedProxyHops } = c.var.deps.config.rateLimits;
  if (trustProxy) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const forwarded = chain[chain.length - trustedProxyHops];
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    return 'unknown';
  }
}

/** Said loudly at start-up: with limits off the public forms are open to abuse. */
export function logRateLimitStatus(config: Config, logger: Logger): void {
  if (!config.rateLimitDisabled) return;
  const line =
    'RATE_LIMIT_DISABLED=1: LOS LÍMITES DE USO ESTÁN DESACTIVADOS. Úsalo solo en pruebas de carga, nunca en producción.';
  logger.warn({ rateLimitDisabled: true }, line);
  process.stderr.write(`\n!!! ${line} !!!\n\n`);
}
