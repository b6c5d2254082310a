import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/client.ts';
import { enqueueJob } from '../../../src/db/outbox.ts';
import { outboxJobs } from '../../../src/db/schema/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { fixedClock, testApp, testConfig } from '../../helpers/app.ts';
import { createTestDatabase, testEngines } from '../../helpers/db.ts';

type ReadyBody = {
  status: string;
  checks: Record<string, { ok: boolean; status: string }>;
  failing: string[];
};

describe.each(testEngines())('/readyz on %s', (engine) => {
  let handle: DatabaseHandle;
  const clock = fixedClock('2026-11-25T18:00:00Z');

  beforeEach(async () => {
    handle = await createTestDatabase(engine);
  });
  afterEach(() => handle.close());

  // The details are for operators: the METRICS_TOKEN holder (or this machine directly).
  const TOKEN = 'readiness-token-0123456789';
  async function ready(overrides: Partial<Deps> = {}) {
    const { app, log } = testApp(handle, {
      clock,
      ...overrides,
      config: overrides.config ?? testConfig({ METRICS_TOKEN: TOKEN }),
    });
    const res = await app.request('/readyz', { headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: res.status, body: (await res.json()) as ReadyBody, log: log.lines };
  }

  it('200 on a migrated database with a flowing outbox; the signer reported as not configured', async () => {
    await enqueueJob(handle.db, {
      kind: 'test.noop',
      payload: {},
      runAt: new Date(clock.now().getTime() - 60_000),
    });
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.failing).toEqual([]);
    expect(body.checks.database).toMatchObject({ ok: true });
    expect(body.checks.migrations).toMatchObject({ ok: true, status: 'current', pending: 0 });
    // Not configured (no signer adapter) or, with the documents area's adapter, a dev test seal.
    expect(['not_configured', 'test_certificate', 'loaded']).toContain(body.checks.signer?.status);
    expect(body.checks.outbox).toMatchObject({ ok: true, status: 'flowing' });
  });

  it('503 naming the outbox when a pending job is older than READY_OUTBOX_STUCK_MINUTES', async () => {
    await enqueueJob(handle.db, {
      kind: 'test.noop',
      payload: {},
      runAt: new Date(clock.now().getTime() - 20 * 60_000),
    });
    const stuck = await ready();
    expect(stuck.status).toBe(503);
    expect(stuck.body.failing).toEqual(['outbox']);
    expect(stuck.body.checks.outbox).toMatchObject({ ok: false, status: 'stuck' });
    // A more patient limit, or the job done: ready again.
    expect(
      (await ready({ config: testConfig({ READY_OUTBOX_STUCK_MINUTES: '30', METRICS_TOKEN: TOKEN }) }))
        .status,
    ).toBe(200);
    await handle.db.update(outboxJobs).set({ status: 'done' });
    expect((await ready()).status).toBe(200);
  });

  it('503 naming the migrations when the database lacks one this code ships', async () => {
    await handle.db.execute(
      sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations)`,
    );
    const { status, body } = await ready();
    expect(status).toBe(503);
    expect(body.failing).toEqual(['migrations']);
    expect(body.checks.migrations).toMatchObject({ ok: false, status: 'pending', pending: 1 });
  });

  it('503 naming the database when it does not answer, without leaking the error text', async () => {
    const { status, body, log } = await ready({
      ping: () => Promise.reject(new Error('connect ECONNREFUSED db.interno:5432')),
    });
    expect(status).toBe(503);
    expect(body.failing).toContain('database');
    expect(JSON.stringify(body)).not.toContain('db.interno');
    expect(log.some((l) => l.includes('readiness check failed') && l.includes('database'))).toBe(true);
  });

  it('checks the seal through deps.signers: a missing one fails', async () => {
    const missing = { seal: () => Promise.reject(new Error('documents.error.no_signer')) };
    const res = await ready({ signers: missing } as unknown as Partial<Deps>);
    expect(res.status).toBe(503);
    expect(res.body.failing).toEqual(['signer']);
    const test = await ready({ signers: { seal: async () => ({ test: true }) } } as unknown as Partial<Deps>);
    expect(test.status).toBe(200);
    expect(test.body.checks.signer).toMatchObject({ ok: true, status: 'test_certificate' });
    const real = await ready({
      signers: { seal: async () => ({ test: false }) },
    } as unknown as Partial<Deps>);
    expect(real.body.checks.signer).toMatchObject({ ok: true, status: 'loaded' });
  });
});

describe('/readyz details', () => {
  it('an anonymous remote caller gets the status only: no signer state, no migration counts', async () => {
    const handle = await createTestDatabase('pglite');
    try {
      const { app } = testApp(handle, {
        config: testConfig({ METRICS_TOKEN: 'readiness-token-0123456789' }),
      });
      const res = await app.request('/readyz');
      expect(await res.json()).toEqual({ status: 'ok' });
      const wrong = await app.request('/readyz', {
        headers: { authorization: 'Bearer nope-nope-nope-nope' },
      });
      expect(Object.keys((await wrong.json()) as object)).toEqual(['status']);
    } finally {
      await handle.close();
    }
  });
});
