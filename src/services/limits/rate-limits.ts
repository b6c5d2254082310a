import type { Config } from '../../config/index.ts';
import {
  bumpCounter,
  type Counter,
  deleteCounter,
  readCounter,
  sweepCounters,
} from '../../db/rate-limits.ts';
import { RateLimitedError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { sha256Hex } from '../requests/tokens.ts';

/**
 * Rate limits: one catalog of rules (below, fed by config) and one counter store per deployment.
 * On PostgreSQL the counters are rows of `rate_limit_counters`, bumped by an atomic upsert, so every
 * web process counts against the same limit; on PGlite (one process by design) they live in memory.
 *
 *   await hitRateLimit(deps, 'api:ip', ip)   // throws RateLimitedError (429, Retry-After) when over
 *
 * RATE_LIMIT_DISABLED=1 turns every rule off; a limit of 0 turns one off.
 */
export type RateLimitRule = {
  /** Same name → same counters. */
  name: string;
  /** Requests allowed per window; 0 means unlimited. */
  limit: number;
  windowSeconds: number;
};

/** Every limit the service applies, by name. */
export function rateLimitRules(config: Config) {
  const r = config.rateLimits;
  const rules = {
    /** Requests submitted (journey and API together). */
    'submit:ip': { limit: r.submitPerIpHour, windowSeconds: 3600 },
    'submit:email': { limit: r.submitPerEmailDay, windowSeconds: 86_400 },
    /** Requester sign-in links. */
    'sign_in:email': { limit: r.signInPerEmailHour, windowSeconds: 3600 },
    'sign_in:ip': { limit: r.signInPerEmailHour * 4, windowSeconds: 3600 },
    /** Folio look-ups (/consulta). */
    'lookup:ip': { limit: r.lookupPerIpHour, windowSeconds: 3600 },
    /** Every JSON API call. */
    'api:ip': { limit: r.apiPerIpMinute, windowSeconds: 60 },
    /** /verificar pages and uploads. */
    'verify:ip': { limit: 30, windowSeconds: 60 },
    /** Staff sign-in attempts per address, on top of the per-account lockout. */
    'staff_sign_in:ip': { limit: 60, windowSeconds: 600 },
  } satisfies Record<string, Omit<RateLimitRule, 'name'>>;
  return rules;
}

export type RateLimitName = keyof ReturnType<typeof rateLimitRules>;

export function rateLimitRule(config: Config, name: RateLimitName): RateLimitRule {
  return { name, ...rateLimitRules(config)[name] };
}

// --- the counter store -------------------------------------------------------------------------

export type CounterStore = {
  /** Counts one hit; `slide` restarts the window at every hit (a count of hits in a row). */
  bump(rule: string, key: string, windowMs: number, opts?: { slide?: boolean }): Promise<Counter>;
  read(rule: string, key: string): Promise<Counter | null>;
  reset(rule: string, key: string): Promise<void>;
};

type MemoryStore = Map<string, Map<string, Counter>>;
// Counters live with the app's deps: each app (and each test app) has its own.
const memoryStores = new WeakMap<Deps, MemoryStore>();
const MAX_KEYS_PER_RULE = 50_000;

/** The in-memory counters of these deps. */
function memoryCounters(deps: Deps, rule: string): Map<string, Counter> {
  let store = memoryStores.get(deps);
  if (!store) {
    store = new Map();
    memoryStores.set(deps, store);
  }
  let counters = store.get(rule);
  if (!counters) {
    counters = new Map();
    store.set(rule, counters);
  }
  return counters;
}

function memorySweep(counters: Map<string, Counter>, now: number) {
  if (counters.size < MAX_KEYS_PER_RULE) return;
  for (const [k, v] of counters) if (v.resetAt.getTime() <= now) counters.delete(k);
  // Still full: drop the oldest half rather than grow without bound.
  if (counters.size >= MAX_KEYS_PER_RULE) {
    let n = 0;
    for (const k of counters.keys()) {
      if (n++ > MAX_KEYS_PER_RULE / 2) break;
      counters.delete(k);
    }
  }
}

const SWEEP_EVERY = 500;
let hitsSinceSweep = 0;

/** PostgreSQL: shared rows; PGlite: memory (one process serves it). */
export function counterStore(deps: Deps): CounterStore {
  const now = () => deps.clock.now();
  if (deps.dbKind === 'postgres') {
    return {
      async bump(rule, key, windowMs, opts = {}) {
        const at = now();
        if (++hitsSinceSweep >= SWEEP_EVERY) {
          hitsSinceSweep = 0;
          await sweepCounters(deps.db, at);
        }
        return bumpCounter(deps.db, { rule, keyHash: sha256Hex(key), now: at, windowMs, slide: opts.slide });
      },
      read: (rule, key) => readCounter(deps.db, { rule, keyHash: sha256Hex(key), now: now() }),
      reset: (rule, key) => deleteCounter(deps.db, { rule, keyHash: sha256Hex(key) }),
    };
  }
  return {
    async bump(rule, key, windowMs, opts = {}) {
      const at = now().getTime();
      const counters = memoryCounters(deps, rule);
      memorySweep(counters, at);
      const current = counters.get(key);
      const live = current && current.resetAt.getTime() > at;
      const next: Counter = {
        count: live ? current.count + 1 : 1,
        resetAt: live && !opts.slide ? current.resetAt : new Date(at + windowMs),
      };
      counters.set(key, next);
      return next;
    },
    async read(rule, key) {
      const c = memoryCounters(deps, rule).get(key);
      return c && c.resetAt > now() ? c : null;
    },
    async reset(rule, key) {
      memoryCounters(deps, rule).delete(key);
    },
  };
}

// --- the limits --------------------------------------------------------------------------------

function off(deps: Deps, rule: RateLimitRule) {
  return deps.config.rateLimitDisabled || rule.limit <= 0;
}

const ruleOf = (deps: Deps, rule: RateLimitName | RateLimitRule) =>
  typeof rule === 'string' ? rateLimitRule(deps.config, rule) : rule;

/** Counts one hit of `key` under `rule`; throws RateLimitedError once the window's limit is passed. */
export async function hitRateLimit(
  deps: Deps,
  rule: RateLimitName | RateLimitRule,
  key: string,
): Promise<void> {
  const r = ruleOf(deps, rule);
  if (off(deps, r)) return;
  const c = await counterStore(deps).bump(r.name, key, r.windowSeconds * 1000);
  if (c.count > r.limit) {
    const seconds = Math.max(1, Math.ceil((c.resetAt.getTime() - deps.clock.now().getTime()) / 1000));
    throw new RateLimitedError(seconds);
  }
}

/** True when one more hit would be refused (does not count). */
export async function wouldRateLimit(
  deps: Deps,
  rule: RateLimitName | RateLimitRule,
  key: string,
): Promise<boolean> {
  const r = ruleOf(deps, rule);
  if (off(deps, r)) return false;
  return ((await counterStore(deps).read(r.name, key))?.count ?? 0) >= r.limit;
}

/** Forgets `key` under `rule` (e.g. after a successful sign-in). */
export async function resetRateLimit(
  deps: Deps,
  rule: RateLimitName | RateLimitRule,
  key: string,
): Promise<void> {
  await counterStore(deps).reset(ruleOf(deps, rule).name, key);
}
