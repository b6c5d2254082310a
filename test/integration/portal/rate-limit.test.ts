import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/config/logger.ts';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { RateLimitedError } from '../../../src/domain/errors.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { hitRateLimit, resetRateLimit, wouldRateLimit } from '../../../src/services/limits/rate-limits.ts';
import { logRateLimitStatus } from '../../../src/web/rate-limit.ts';
import { fixedClock, memoryLog, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

function depsWith(env: Record<string, string> = {}) {
  const clock = fixedClock('2026-11-23T16:00:00Z');
  return { deps: { config: testConfig(env), clock } as unknown as Deps, clock };
}

describe('rate limits in one process (PGlite: counters in memory)', () => {
  const outcome = (p: Promise<void>) =>
    p.then(
      () => 'ok',
      (e: unknown) => (e instanceof RateLimitedError ? `429 ${e.retryAfterSeconds}` : String(e)),
    );

  it('counts per key within the window, then refuses with the seconds left; a new window starts afresh', async () => {
    const { deps, clock } = depsWith();
    const rule = { name: 't', limit: 2, windowSeconds: 60 };
    await hitRateLimit(deps, rule, 'a');
    await hitRateLimit(deps, rule, 'a');
    await hitRateLimit(deps, rule, 'b');
    expect(await wouldRateLimit(deps, rule, 'a')).toBe(true);
    expect(await wouldRateLimit(deps, rule, 'b')).toBe(false);
    clock.advance(15_000);
    expect(await outcome(hitRateLimit(deps, rule, 'a'))).toBe('429 45');
    clock.advance(45_000);
    expect(await outcome(hitRateLimit(deps, rule, 'a'))).toBe('ok');
  });

  it('the same rule name shares counters; other apps (deps) do not', async () => {
    const { deps } = depsWith();
    const rule = { name: 'shared', limit: 1, windowSeconds: 60 };
    await hitRateLimit(deps, rule, 'k');
    expect(await outcome(hitRateLimit(deps, { ...rule }, 'k'))).toBe('429 60');
    expect(await outcome(hitRateLimit(depsWith().deps, rule, 'k'))).toBe('ok');
  });

  it('RATE_LIMIT_DISABLED=1 or a limit of 0 lets everything through; reset forgets a key', async () => {
    const off = depsWith({ RATE_LIMIT_DISABLED: '1' }).deps;
    for (let i = 0; i < 5; i++)
      expect(await outcome(hitRateLimit(off, { name: 'x', limit: 1, windowSeconds: 60 }, 'k'))).toBe('ok');
    const { deps } = depsWith();
    for (let i = 0; i < 5; i++)
      expect(await outcome(hitRateLimit(deps, { name: 'x', limit: 0, windowSeconds: 60 }, 'k'))).toBe('ok');
    const one = { name: 'y', limit: 1, windowSeconds: 60 };
    await hitRateLimit(deps, one, 'k');
    await resetRateLimit(deps, one, 'k');
    expect(await outcome(hitRateLimit(deps, one, 'k'))).toBe('ok');
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
