import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { bootstrap } from '../../../src/bootstrap.ts';
import { loadConfig } from '../../../src/config/index.ts';
import { createLogger } from '../../../src/config/logger.ts';
import type { StaffRole } from '../../../src/domain/actor.ts';
import { startBackgroundWork } from '../../../src/jobs/index.ts';
import type { Deps } from '../../../src/services/deps.ts';
import { createApp } from '../../../src/web/app.ts';
import { STAFF_COOKIE } from '../../../src/web/staff/auth.ts';
import { aStaffSession } from '../../helpers/staff-session.ts';
import type { OpenBrowser } from './browser.ts';

export type TestServer = {
  url: string;
  deps: Deps;
  dataDir: string;
  /** Moves the server's clock forward (e.g. past the no-JavaScript minimum journey time). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/**
 * The whole app on a random port with a temporary DATA_DIR (embedded PGlite, .eml mail), in this
 * process. `env` adds configuration; `background: true` also runs the outbox worker and sweeps.
 */
export async function startTestServer(
  opts: { env?: Record<string, string>; background?: boolean; overrides?: Partial<Deps> } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dato-browser-'));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...opts.env,
  });
  const runtime = await bootstrap({ config, logger: createLogger('warn') });
  let skew = 0;
  const deps: Deps = {
    ...runtime.deps,
    clock: { now: () => new Date(Date.now() + skew) },
    ...opts.overrides,
  };
  const app = createApp(deps);
  const background = opts.background ? startBackgroundWork(deps, { pollMs: 100 }) : null;
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => done(s));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    dataDir,
    advanceClock(ms) {
      skew += ms;
    },
    async close() {
      await background?.stop();
      await new Promise<void>((done) => server.close(() => done()));
      await runtime.handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A staff account of `role` signed in in `browser`: its session cookie is set for the server's /staff. */
export async function signInStaffInBrowser(
  server: TestServer,
  browser: OpenBrowser,
  role: StaffRole,
  who: { email: string; name: string },
): Promise<void> {
  const { token } = await aStaffSession(server.deps.db, role, { ...who, at: server.deps.clock.now() });
  await browser.context.addCookies([{ name: STAFF_COOKIE, value: token, url: `${server.url}/staff` }]);
}
