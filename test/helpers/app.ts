import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { type Config, loadConfig } from '../../src/config/index.ts';
import { createLogger } from '../../src/config/logger.ts';
import { useAuditKey } from '../../src/db/audit.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { fileDocumentStore } from '../../src/db/document-store.ts';
import { documentAdapters } from '../../src/documents/adapters.ts';
import { createMailer } from '../../src/mail/transport.ts';
import type { Clock, Deps } from '../../src/services/deps.ts';
import { createStatsEngine } from '../../src/stats/engine.ts';
import { createApp } from '../../src/web/app.ts';

/** Log lines captured in memory, so tests can assert what was (and was not) logged. */
export function memoryLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, stream };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATA_DIR: 'var/test', LOG_LEVEL: 'info', ...env });
}

export function fixedClock(
  start: Date | string,
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (d) => {
      now = new Date(d);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** The audit key of every test process (bootstrap reads DATA_DIR/audit.key instead). */
export const TEST_AUDIT_KEY = Buffer.from('test-audit-key-test-audit-key-01');

/** Deps over a test database; override any adapter. */
export function testDeps(handle: DatabaseHandle, overrides: Partial<Deps> = {}) {
  useAuditKey(TEST_AUDIT_KEY);
  const log = memoryLog();
  const config = testConfig();
  const deps: Deps = {
    config,
    db: handle.db,
    dbKind: handle.kind,
    clock: { now: () => new Date() },
    logger: createLogger('info', log.stream),
    secret: 'test-secret-test-secret-test-secret-0123',
    ping: () => handle.ping(),
    // The catalog (the agency's subset) without data; tests that need figures pass `stats` loaded
    // from ../shared/data.
    stats: createStatsEngine({ indicators: (overrides.config ?? config).agency.indicators }),
    mailer: createMailer({ dataDir: config.dataDir }),
    // Test CA and seal made on first use, one per test process.
    documents: fileDocumentStore(join(tmpdir(), `dato-docs-${process.pid}`, 'documents')),
    ...documentAdapters({ config, dataDir: join(tmpdir(), `dato-docs-${process.pid}`) }),
    ...overrides,
  };
  return { deps, log };
}

export function testApp(handle: DatabaseHandle, overrides: Partial<Deps> = {}) {
  const { deps, log } = testDeps(handle, overrides);
  return { app: createApp(deps), deps, log };
}
