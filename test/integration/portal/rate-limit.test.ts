import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/config/logger.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { RateLimitedError } from '../../../src/domain/errors.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { hitRateLimit, resetRateLimit, wouldRateLimit } from '../../../src/services/limits/rate-limits.ts';
import { logRateLimitStatus, rateLimiter } from '../../../src/web/rate-limit.ts';
import { fixedClock, memoryLog, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

function depsWith(env: Record<string, string> = {}) {
  const clock = fixedClock('2026-11-23T16:00:00Z');
  return { deps: { config: testConfig(env), clock } as unknown as Deps, clock };
}

describe('rateLimiter', () => {
  it('counts per key within the window, then refuses with the seconds left; a new window starts afresh', () => {
    const { deps, clock } = depsWith();
    const limiter = rateLimiter(deps, { name: 't', limit: 2, windowSeconds: 60 });
    limiter.hit('a');
    limiter.hit('a');
    limiter.hit('b');
    expect(limiter.wouldLimit('a')).toBe(true);
    expect(limiter.wouldLimit('b')).toBe(false);
    clock.advance(15_000);
    let err: unknown;
    try {
      limiter.hit('a');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterSeconds).toBe(45);
    clock.advance(45_000);
    expect(() => limiter.hit('a')).not.toThrow();
  });

  it('limiters with the same name share counters; other apps (deps) do not', () => {
    const { deps } = depsWith();
    rateLimiter(deps, { name: 'shared', limit: 1, windowSeconds: 60 }).hit('k');
    expect(() => rateLimiter(deps, { name: 'shared', limit: 1, windowSeconds: 60 }).hit('k')).toThrow(
      RateLimitedError,
    );
    expect(() =>
      rateLimiter(depsWith().deps, { name: 'shared', limit: 1, windowSeconds: 60 }).hit('k'),
    ).not.toThrow();
  });

  it('RATE_LIMIT_DISABLED=1 or a limit of 0 lets everything through; reset forgets a key', () => {
    const off = rateLimiter(depsWith({ RATE_LIMIT_DISABLED: '1' }).deps, {
      name: 'x',
      limit: 1,
      windowSeconds: 60,
    });
    for (let i = 0; i < 5; i++) expect(() => off.hit('k')).not.toThrow();
    const zero = rateLimiter(depsWith().deps, { name: 'x', limit: 0, windowSeconds: 60 });
    for (let i = 0; i < 5; i++) expect(() => zero.hit('k')).not.toThrow();
    const one = rateLimiter(depsWith().deps, { name: 'y', limit: 1, windowSeconds: 60 });
    one.hit('k');
    one.reset('k');
    expect(() => one.hit('k')).not.toThrow();
  });

  it('with RATE_LIMIT_DISABLED=1 the start-up log says so loudly', () => {
    const log = memoryLog();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      logRateLimitStatus(testConfig(), createLogger('info', log.stream));
      expect(log.lines).toEqual([]);
      logRateLimitStatus(testConfig({ RATE_LIMIT_DISABLED: '1' }), createLogger('info', log.stream));
      expect(log.lines.join('\n')).toContain('LOS LÍMITES DE USO ESTÁN DESACTIVADOS');
      expect(JSON.parse(log.lines[0]!).level).toBe(40);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('!!! RATE_LIMIT_DISABLED=1');
    } finally {
      stderr.mockRestore();
    }
  });

  it('the RATE_LIMIT_* variables are read and validated', () => {
    expect(testConfig({ RATE_LIMIT_SUBMIT_PER_IP_HOUR: '7' }).rateLimits.submitPerIpHour).toBe(7);
    expect(testConfig().rateLimits).toMatchObject({ submitPerIpHour: 20, submitPerEmailDay: 10 });
    expect(() => testConfig({ RATE_LIMIT_API_PER_IP_MINUTE: '-1' })).toThrow(/RATE_LIMIT_API_PER_IP_MINUTE/);
  });
});

describe.each(testEngines())('hitRateLimit on %s (PostgreSQL: one table for every process)', (engine) => {
  let handle: DatabaseHandle;
  let deps: Deps;
  const clock = fixedClock('2026-11-23T16:00:00Z');
  const rule = { name: 'prueba', limit: 10, windowSeconds: 60 };
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ({ deps } = testApp(handle, { clock }));
  });
  afterAll(() => handle.close());

  const outcome = (p: Promise<void>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof RateLimitedError ? `429 ${e.retryAfterSeconds}` : String(e)),
    );

  it('40 parallel hits on a limit of 10: exactly 10 pass, the rest are refused with the seconds left', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () => outcome(hitRateLimit(deps, rule, 'ip-a'))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(10);
    expect(results.filter((r) => r === '429 60')).toHaveLength(30);
    expect(await wouldRateLimit(deps, rule, 'ip-a')).toBe(true);
    // Another key counts apart.
    expect(await outcome(hitRateLimit(deps, rule, 'ip-b'))).toBe('ok');
    clock.advance(20_000);
    expect(await outcome(hitRateLimit(deps, rule, 'ip-a'))).toBe('429 40');
    // A new window starts afresh.
    clock.advance(40_000);
    expect(await outcome(hitRateLimit(deps, rule, 'ip-a'))).toBe('ok');
    await resetRateLimit(deps, rule, 'ip-b');
    expect(await wouldRateLimit(deps, rule, 'ip-b')).toBe(false);
  });

  it('the catalog rules come from config: the API limit is RATE_LIMIT_API_PER_IP_MINUTE', async () => {
    const { deps: limited } = testApp(handle, {
      clock,
      config: testConfig({ RATE_LIMIT_API_PER_IP_MINUTE: '3' }),
    });
    for (let i = 0; i < 3; i++) await hitRateLimit(limited, 'api:ip', 'catalogo');
    await expect(hitRateLimit(limited, 'api:ip', 'catalogo')).rejects.toBeInstanceOf(RateLimitedError);
  });
});
