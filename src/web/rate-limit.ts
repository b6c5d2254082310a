import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config/index.ts';
import type { Logger } from '../config/logger.ts';
import { RateLimitedError } from '../domain/errors.ts';
import type { Deps } from '../services/deps.ts';
import type { AppEnv } from './context.ts';

/**
 * Fixed-window rate limits by key, kept in memory per running app (one process serves the site).
 * Reuse: `rateLimiter(deps, { name: 'verify', limit: 30, windowSeconds: 60 }).hit(key)` throws a
 * RateLimitedError (429 with Retry-After, Spanish message) once `key` goes over `limit` in the window;
 * or mount `rateLimit({...}, (c) => clientIp(c))` as middleware. RATE_LIMIT_DISABLED=1 turns all off.
 */
export type RateLimitRule = {
  /** Distinguishes limiters of the same app (e.g. `submit:ip`). Same name → same counters. */
  name: string;
  /** Requests allowed per window; 0 means unlimited. */
  limit: number;
  windowSeconds: number;
};

export type RateLimiter = {
  /** Counts one hit for `key`; throws RateLimitedError when over the limit. */
  hit(key: string): void;
  /** True when one more hit would be refused (does not count). */
  wouldLimit(key: string): boolean;
  /** Forgets `key` (e.g. after a successful sign-in). */
  reset(key: string): void;
};

type Bucket = { count: number; resetAt: number };
type Store = Map<string, Map<string, Bucket>>;

// Counters live with the app's deps: each app (and each test app) has its own.
const stores = new WeakMap<Deps, Store>();
const MAX_KEYS_PER_LIMITER = 50_000;

export function rateLimiter(deps: Deps, rule: RateLimitRule): RateLimiter {
  let store = stores.get(deps);
  if (!store) {
    store = new Map();
    stores.set(deps, store);
  }
  let buckets = store.get(rule.name);
  if (!buckets) {
    buckets = new Map();
    store.set(rule.name, buckets);
  }
  const b = buckets;
  const off = () => deps.config.rateLimitDisabled || rule.limit <= 0;
  const current = (key: string): Bucket => {
    const now = deps.clock.now().getTime();
    let bucket = b.get(key);
    if (!bucket || bucket.resetAt <= now) {
      if (b.size >= MAX_KEYS_PER_LIMITER) sweep(b, now);
      bucket = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
      b.set(key, bucket);
    }
    return bucket;
  };
  return {
    hit(key) {
      if (off()) return;
      const bucket = current(key);
      if (bucket.count >= rule.limit) {
        const seconds = Math.max(1, Math.ceil((bucket.resetAt - deps.clock.now().getTime()) / 1000));
        throw new RateLimitedError(seconds);
      }
      bucket.count += 1;
    },
    wouldLimit(key) {
      if (off()) return false;
      return current(key).count >= rule.limit;
    },
    reset(key) {
      b.delete(key);
    },
  };
}

function sweep(buckets: Map<string, Bucket>, now: number) {
  for (const [k, v] of buckets) if (v.resetAt <= now) buckets.delete(k);
  // Still full: drop the oldest half rather than grow without bound.
  if (buckets.size >= MAX_KEYS_PER_LIMITER) {
    let n = 0;
    for (const k of buckets.keys()) {
      if (n++ > MAX_KEYS_PER_LIMITER / 2) break;
      buckets.delete(k);
    }
  }
}

/** Middleware form: counts a hit for `key(c)` before the handler runs. */
export function rateLimit(
  rule: RateLimitRule,
  key: (c: Context<AppEnv>) => string = clientIp,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    rateLimiter(c.var.deps, rule).hit(key(c));
    await next();
  };
}

/** The client's IP: the socket address, or X-Forwarded-For's first entry when the proxy is trusted. */
export function clientIp(c: Context<AppEnv>): string {
  if (c.var.deps.config.rateLimits.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
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
