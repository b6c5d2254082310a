// `npm start` in production mode, exactly as an operator runs it: npm → prestart (dist/ is current, so
// nothing to build) → `node dist/main.js`, on a fresh data folder. The launch path of production is
// tested here and nowhere else (the other process tests spawn `node dist/…` directly).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config/index.ts';
import { freePort, waitFor } from '../../helpers/processes.ts';

/**
 * Issue 21 sets the goal at 5 s of `npm start` on the CI machine; `npm run bench -- runtime` measures it
 * on a machine doing nothing else. Here the server starts beside the suite's other workers (a CI run
 * measured 7.7 s), so this test guards the launch path with three times the goal, scaled further by the
 * load on a shared development machine: a hang or a slow step put back before the port opens fails it.
 */
function startupLimitMs(): number {
  const guard = 3 * 5_000;
  if (process.env.CI === 'true') return guard;
  return Math.round(guard * Math.max(1, loadavg()[0]! / availableParallelism()));
}

/** Command lines of the processes in group `pgid` (npm, its shell, node). */
function groupCommands(pgid: number): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name "(...)": state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      out.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' '));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

describe('npm start (production mode, fresh data folder)', () => {
  const dirs: string[] = [];
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('answers /healthz 200 within the start-up bound, running node dist/main.js without tsx', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dato-start-'));
    // An empty statistics folder: the official-data import runs after listening and is not measured here.
    const statsDir = mkdtempSync(join(tmpdir(), 'dato-start-stats-'));
    dirs.push(dataDir, statsDir);
    const port = await freePort();
    const logs: string[] = [];
    const started = performance.now();
    child = spawn('npm', ['start'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATS_DATA_DIR: statsDir,
        LOG_LEVEL: 'warn',
      },
      // Its own process group, so the test can stop npm and the server it runs together.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => logs.push(String(d)));
    child.stderr?.on('data', (d) => logs.push(String(d)));

    const limit = startupLimitMs();
    await waitFor(
      '/healthz',
      async () => {
        if (child?.exitCode !== null) throw new Error(`npm start exited:\n${logs.join('')}`);
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
        return res.status === 200 ? true : undefined;
      },
      { timeoutMs: limit + 30_000, everyMs: 50 },
    );
    const elapsed = performance.now() - started;

    const commands = groupCommands(child.pid!);
    expect(commands).toContain('node dist/main.js');
    expect(commands.join('\n')).not.toMatch(/tsx/);
    expect(elapsed, `npm start → /healthz 200 took ${Math.round(elapsed)} ms`).toBeLessThanOrEqual(limit);
  }, 120_000);
});
