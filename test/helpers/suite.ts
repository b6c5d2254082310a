import { afterAll, beforeAll } from 'vitest';
import type { DatabaseHandle, EngineKind } from '../../src/db/client.ts';
import type { Deps } from '../../src/services/deps.ts';
import { testDeps } from './app.ts';
import { createTestDatabase } from './db.ts';

/**
 * For the calling describe block: a fresh test database on `engine` and Deps over it, handed to
 * `ready` before the tests run; the database is closed after them.
 */
export function withTestDeps(
  engine: EngineKind,
  overrides: Partial<Deps>,
  ready: (deps: Deps, handle: DatabaseHandle) => void,
): void {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    ready(testDeps(handle, overrides).deps, handle);
  });
  afterAll(() => handle?.close());
}
