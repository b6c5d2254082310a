import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config/index.ts';
import type { Logger } from '../config/logger.ts';
import { RateLimitedError } from '../domain/errors.ts';
import type { Deps } from '../services/deps.ts';
import {
  hitRateLimit,
  memoryCounters,
  type RateLimitName,
  type RateLimitRule,
} from '../services/limits/rate-limits.ts';
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

export type RateLimiter = {
  /** Counts one hit for `key`; throws RateLimitedError when over the limit. */
  hit(key: string): void;
  /** True when one more hit would be refused (does not count). */
  wouldLimit(key: string): boolean;
  /** Forgets `key` (e.g. after a successful sign-in). */
  reset(key: string): void;
};

/**
 * @deprecated Synchronous, so it counts in this process's memory only (n web processes allow n× the
 * limit). Use `await hitRateLimit(deps, name, key)`. Kept while its last callers move over; on PGlite it
 * shares the counters of `hitRateLimit` (same rule name → same counts).
 */
export function rateLimiter(deps: Deps, rule: RateLimitRule): RateLimiter {
  const counters = memoryCounters(deps, rule.name);
  const off = () => deps.config.rateLimitDisabled || rule.limit <= 0;
  const current = (key: string) => {
    const now = deps.clock.now().getTime();
    let c = counters.get(key);
    if (!c || c.resetAt.getTime() <= now) {
      c = { count: 0, resetAt: new Date(now + rule.windowSeconds * 1000) };
      counters.set(key, c);
    }
    return c;
  };
  return {
    hit(key) {
      if (off()) return;
      const c = current(key);
      if (c.count >= rule.limit) {
        const seconds = Math.max(1, Math.ceil((c.resetAt.getTime() - deps.clock.now().getTime()) / 1000));
        throw new RateLimitedError(seconds);
      }
      c.count += 1;
    },
    wouldLimit(key) {
      if (off()) return false;
      return current(key).count >= rule.limit;
    },
    reset(key) {
      counters.delete(key);
    },
  };
}

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
