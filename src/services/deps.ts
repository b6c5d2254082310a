import type { Config } from '../config/index.ts';
import type { Logger } from '../config/logger.ts';
import type { Database, EngineKind } from '../db/client.ts';
import type { DocumentStore } from '../db/document-store.ts';
import type { SignerProvider } from '../documents/signer.ts';
import type { Mailer } from '../mail/transport.ts';
import type { StatsEngine } from '../stats/engine.ts';

export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };

/**
 * What every use case receives: adapters passed in, so tests can give real ones or fakes.
 * Areas add their adapters here (statistics engine, mailer, signer, document store...).
 */
export type Deps = {
  config: Config;
  db: Database;
  dbKind: EngineKind;
  clock: Clock;
  logger: Logger;
  /** HMAC key for CSRF tokens, sign-in links and download links. */
  secret: string;
  /** Checks the database answers (for /healthz). */
  ping(): Promise<void>;
  /** Indicator catalog, geographies and official figures (src/stats). */
  stats: StatsEngine;
  /** Sends e-mail (SMTP, or .eml files in development). Only the outbox worker calls it. */
  mailer: Mailer;
  /** Content-addressed store of generated and signed documents (src/db/document-store.ts). */
  documents: DocumentStore;
  /** Signing certificates: the institutional seal held by the server (src/documents). */
  signers: SignerProvider;
};
