import { join } from 'node:path';
import { loadOrCreateAuditKey } from './config/audit-key.ts';
import { restrictFileModes } from './config/file-modes.ts';
import { type Config, loadConfig } from './config/index.ts';
import { createLogger, type Logger } from './config/logger.ts';
import { loadOrCreateSecret } from './config/secret.ts';
import { useAuditKey } from './db/audit.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { fileDocumentStore } from './db/document-store.ts';
import { runMigrations } from './db/migrate.ts';
import { documentAdapters } from './documents/adapters.ts';
import { createMailer } from './mail/transport.ts';
import { type Deps, systemClock } from './services/deps.ts';
import { createStatsEngine } from './stats/engine.ts';
import { loadStatsData } from './stats/repository.ts';
import { logRateLimitStatus } from './web/rate-limit.ts';

export type Runtime = { config: Config; logger: Logger; handle: DatabaseHandle; deps: Deps };

/**
 * Composition root shared by the server and the CLI: config → logger → database (migrated) → deps.
 * `warmUp` loads the statistics engine from its tables and makes sure the signing certificates exist;
 * it has run when `bootstrap` returns unless `deferWarmUp` hands it to the caller (the server runs it
 * once its port is open: /healthz needs neither).
 */
export async function bootstrap(
  opts: { config?: Config; logger?: Logger; deferWarmUp?: boolean } = {},
): Promise<Runtime & { warmUp(): Promise<void> }> {
  restrictFileModes();
  const config = opts.config ?? loadConfig();
  const logger = opts.logger ?? createLogger(config.logLevel);
  logRateLimitStatus(config, logger);
  // Audit rows are chained under a key kept in DATA_DIR, out of the database's reach.
  useAuditKey(loadOrCreateAuditKey(config.dataDir));
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(handle);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const deps: Deps = {
    config,
    db: handle.db,
    dbKind: handle.kind,
    clock: systemClock,
    logger,
    secret: loadOrCreateSecret(config.dataDir),
    ping: () => handle.ping(),
    stats: createStatsEngine({
      loader: () => loadStatsData(handle.db),
      indicators: config.agency.indicators,
    }),
    mailer: createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir }),
    // Development certificates: made once per data folder (RSA key generation), in warmUp, not here.
    documents: fileDocumentStore(join(config.dataDir, 'documents')),
    ...documentAdapters({ config, dataDir: config.dataDir, logger }),
  };
  const warmUp = async () => {
    await deps.stats.reload();
    await deps.signers.seal(deps.clock.now()).catch((err: unknown) => {
      // No seal is not fatal: /readyz reports it and answers wait for one.
      logger.warn({ err }, 'signing certificate not available');
    });
  };
  if (!opts.deferWarmUp) await warmUp();
  return { config, logger, handle, deps, warmUp };
}
