import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../../db/migrate.ts';
import type { Deps } from '../deps.ts';
import { outboxCounts } from './counts.ts';

/**
 * /readyz: may this process take traffic? Unlike /healthz (alive), it checks what serving needs:
 * the database answers, its migrations match this code, the signer is loaded, and the outbox is
 * not stuck. 200 when all pass, 503 naming the failing checks. No error texts leave the process
 * (they could name hosts); they go to the log.
 */

export type CheckResult = { ok: boolean; status: string } & Record<string, unknown>;
export type Readiness = { status: 'ok' | 'error'; checks: Record<string, CheckResult>; failing: string[] };

const TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`timeout after ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

async function checkDatabase(deps: Deps): Promise<CheckResult> {
  await withTimeout(deps.ping());
  return { ok: true, status: 'reachable' };
}

/** The migration files this code ships against the ones recorded as applied (drizzle's journal table). */
export async function migrationState(deps: Pick<Deps, 'db'>) {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const result = await deps.db.execute(
    sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at`,
  );
  const applied = (result as unknown as { rows: { created_at: string | number }[] }).rows.map((r) =>
    Number(r.created_at),
  );
  const last = applied.length ? Math.max(...applied) : 0;
  const known = new Set(files.map((f) => f.folderMillis));
  return {
    files: files.length,
    applied: applied.length,
    // Drizzle applies every file newer than the last applied one; those are what is missing.
    pending: files.filter((f) => f.folderMillis > last).length,
    // Applied by newer code (a rolling upgrade in progress): reported, not a failure.
    unknown: applied.filter((a) => !known.has(a)).length,
  };
}

async function checkMigrations(deps: Deps): Promise<CheckResult> {
  const m = await withTimeout(migrationState(deps));
  return { ok: m.pending === 0, status: m.pending === 0 ? 'current' : 'pending', ...m };
}

/**
 * The e.firma seal, through the documents area's `deps.signers.seal(now)`. Without that adapter →
 * reported as not configured without failing. A development test certificate
 * passes but is named, so an operator sees documents would say "sin validez oficial".
 */
async function checkSigner(deps: Deps): Promise<CheckResult> {
  const seal = (await withTimeout(deps.signers.seal(deps.clock.now()))) as { test?: boolean };
  return { ok: true, status: seal.test ? 'test_certificate' : 'loaded' };
}

async function checkOutbox(deps: Deps): Promise<CheckResult> {
  const now = deps.clock.now();
  const counts = await withTimeout(outboxCounts(deps, now));
  const limitMinutes = deps.config.readyOutboxStuckMinutes;
  const lateMinutes = counts.oldestDuePendingRunAt
    ? Math.floor((now.getTime() - counts.oldestDuePendingRunAt.getTime()) / 60_000)
    : 0;
  const ok = lateMinutes < limitMinutes;
  return { ok, status: ok ? 'flowing' : 'stuck', pending: counts.pending, lateMinutes, limitMinutes };
}

const CHECKS = {
  database: checkDatabase,
  migrations: checkMigrations,
  signer: checkSigner,
  outbox: checkOutbox,
} as const;

export async function readiness(deps: Deps): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(CHECKS).map(async ([name, check]): Promise<[string, CheckResult]> => {
      try {
        return [name, await check(deps)];
      } catch (err) {
        deps.logger.warn({ check: name, err: (err as Error).message }, 'readiness check failed');
        return [name, { ok: false, status: 'error' }];
      }
    }),
  );
  const checks = Object.fromEntries(entries);
  const failing = entries.filter(([, r]) => !r.ok).map(([name]) => name);
  return { status: failing.length ? 'error' : 'ok', checks, failing };
}
