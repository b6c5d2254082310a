import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { PROJECT_ROOT } from '../../src/config/index.ts';

/** What a child runs: `npm start` (web + worker), `npm run start:web`, `npm run start:worker`. */
export type ProcessRole = 'server' | 'web' | 'worker';

/** What `npm start`, `npm run start:web` and `npm run start:worker` run (global-setup builds dist/). */
const ENTRY: Record<ProcessRole, string[]> = {
  server: ['dist/main.js'],
  web: ['dist/main.js', '--no-worker'],
  worker: ['dist/worker.js'],
};

export type AppProcess = {
  name: string;
  role: ProcessRole;
  /** HTTP port: the app for server/web, the ops port (/healthz) for a worker. */
  port: number;
  url: string;
  child: ChildProcess;
  /** stdout + stderr lines, kept for the failure message. */
  logs: string[];
  exited: Promise<number | null>;
  /** SIGKILL (a crash: no shutdown handler runs) and wait until the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (graceful), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns a value other than undefined, or fails with `what` at the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  { timeoutMs = 30_000, everyMs = 100 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Starts one Dato Oficial process (`node dist/…`, as the npm scripts do) with `env` on top of a
 * clean environment, and resolves once its /healthz answers 200 (the web port, or WORKER_OPS_PORT).
 */
export async function startAppProcess(opts: {
  name: string;
  role: ProcessRole;
  env: Record<string, string>;
  port?: number;
  readyTimeoutMs?: number;
}): Promise<AppProcess> {
  const port = opts.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    ...opts.env,
    ...(opts.role === 'worker' ? { WORKER_OPS_PORT: String(port) } : { PORT: String(port) }),
  };
  const child = spawn(process.execPath, ENTRY[opts.role], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line) logs.push(line);
    if (logs.length > 2000) logs.splice(0, logs.length - 2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const proc: AppProcess = {
    name: opts.name,
    role: opts.role,
    port,
    url,
    child,
    logs,
    exited,
    async kill9() {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitFor(
      `${opts.name} /healthz`,
      async () => {
        if (gone) throw new Error(`${opts.name} exited during start-up`);
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
        return res.status === 200 ? true : undefined;
      },
      { timeoutMs: opts.readyTimeoutMs ?? 45_000, everyMs: 150 },
    );
  } catch (err) {
    await proc.kill9();
    throw new Error(`${(err as Error).message}\n--- ${opts.name} log ---\n${logs.slice(-40).join('\n')}`);
  }
  return proc;
}

/** Every child a test started, so afterAll can kill them all even when the test failed half-way. */
export function processGroup() {
  const all: AppProcess[] = [];
  return {
    all,
    async start(opts: Parameters<typeof startAppProcess>[0]): Promise<AppProcess> {
      const p = await startAppProcess(opts);
      all.push(p);
      return p;
    },
    /** The last lines of every child's log, for an assertion message. */
    logTail(lines = 15): string {
      return all.map((p) => `--- ${p.name} ---\n${p.logs.slice(-lines).join('\n')}`).join('\n');
    },
    /** Error-level log lines (pino level ≥ 50) of every child, for an assertion message. */
    errors(max = 10): string {
      return all
        .flatMap((p) => p.logs.filter((l) => /"level":(5|6)\d/.test(l)).map((l) => `${p.name}: ${l}`))
        .slice(0, max)
        .join('\n');
    },
    async killAll(): Promise<void> {
      await Promise.all(all.map((p) => p.kill9()));
    },
  };
}

/**
 * A fresh PostgreSQL database for child processes (they migrate it themselves on start), on the server
 * of `baseUrl`; `template` clones an already migrated database instead.
 */
export async function scratchPostgres(
  baseUrl: string,
  { prefix = `dato_proc_${process.pid}`, template }: { prefix?: string; template?: string } = {},
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
