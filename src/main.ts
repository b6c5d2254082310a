import { serve } from '@hono/node-server';
import { bootstrap } from './bootstrap.ts';
import { ConfigError } from './config/index.ts';
import { DatabaseInUseError } from './db/client.ts';
import { type BackgroundWork, startBackgroundWork } from './jobs/index.ts';
import { announceSetupLink } from './services/staff/initial-setup.ts';
import { autoImportStats } from './stats/auto-import.ts';
import { createApp } from './web/app.ts';
import { opsApp } from './web/ops-routes.ts';

// `npm start`: web + outbox worker. `npm run start:web` (--no-worker) and `npm run start:worker`
// (src/worker.ts → --worker-only) split them into processes that can each be multiplied on PostgreSQL.
const webOnly = process.argv.includes('--no-worker');
const workerOnly = process.argv.includes('--worker-only');

async function main() {
  const started = performance.now();
  // Only what /healthz needs comes before the port opens: config, database (migrations checked by one
  // query). The statistics engine and the signing certificates load right after (warmUp), and the
  // outbox worker starts once they have: an automatic answer needs both.
  const { config, logger, handle, deps, warmUp } = await bootstrap({ deferWarmUp: true });
  // A worker-only process serves /healthz, /readyz and /metrics on WORKER_OPS_PORT when it is set.
  const opsPort = workerOnly ? config.workerOpsPort : undefined;
  let background: BackgroundWork | undefined;
  let stopping = false;
  const warm = warmUp().then(() => {
    logger.info({ ms: Math.round(performance.now() - started) }, 'warmed up');
    if (!webOnly && !stopping) background = startBackgroundWork(deps);
    if (workerOnly)
      logger.info({ engine: handle.kind, workerId: background?.worker.workerId, opsPort }, 'worker started');
  }, fail);
  // A worker-only process has no pages to serve early: its /healthz (WORKER_OPS_PORT) says it works.
  if (workerOnly) await warm;
  if (webOnly && handle.kind === 'pglite')
    logger.warn('--no-worker on PGlite: no other process can run the outbox');

  const server = workerOnly
    ? opsPort
      ? serve({ fetch: opsApp(deps).fetch, port: opsPort, hostname: config.host })
      : undefined
    : serve({ fetch: createApp(deps).fetch, port: config.port, hostname: config.host }, () => {
        const engine = handle.kind === 'pglite' ? `PGlite (${config.dataDir}/pglite)` : 'PostgreSQL';
        logger.info({ engine, ms: Math.round(performance.now() - started) }, 'server started');
        // A human line too: the Quick start promises to print the URL.
        process.stdout.write(
          `\nDato Oficial escuchando en ${config.publicBaseUrl}  (base de datos: ${engine})\n\n`,
        );
      });
  // Statistics: import the official data in the background when the tables are empty.
  if (!workerOnly) void warm.then(() => autoImportStats(deps));
  // A fresh install has no admin: print a one-time link to create the first one in the browser.
  if (!workerOnly) void announceSetupLink(deps);

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop accepting and finish in-flight requests, then the jobs in hand; then close the database.
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    void closed
      .then(() => warm)
      .then(() => background?.stop())
      .then(async () => {
        deps.mailer.close();
        await handle.close();
        logger.info('stopped');
        process.exit(0);
      });
    setTimeout(() => {
      logger.warn('forced exit after 10 s');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

function fail(err: unknown): never {
  if (err instanceof ConfigError || err instanceof DatabaseInUseError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`\nNo se pudo iniciar Dato Oficial: ${(err as Error).stack ?? String(err)}\n\n`);
  }
  process.exit(1);
}

main().catch(fail);
