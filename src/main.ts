import { serve } from '@hono/node-server';
import { bootstrap } from './bootstrap.ts';
import { ConfigError } from './config/index.ts';
import { DatabaseInUseError } from './db/client.ts';
import { createApp } from './web/app.ts';

async function main() {
  const started = performance.now();
  const { config, logger, handle, deps } = await bootstrap();
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    const engine = handle.kind === 'pglite' ? `PGlite (${config.dataDir}/pglite)` : 'PostgreSQL';
    logger.info({ engine, ms: Math.round(performance.now() - started) }, 'server started');
    // A human line too: the Quick start promises to print the URL.
    process.stdout.write(
      `\nDato Oficial escuchando en ${config.publicBaseUrl}  (base de datos: ${engine})\n\n`,
    );
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // close() stops accepting and waits for in-flight requests; then the database is closed.
    server.close(async () => {
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

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseInUseError) {
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    process.stderr.write(`\nNo se pudo iniciar Dato Oficial: ${(err as Error).stack ?? String(err)}\n\n`);
  }
  process.exit(1);
});
