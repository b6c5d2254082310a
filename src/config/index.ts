import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type AgencyConfig, readAgencyConfig } from './agency.ts';

export type { AgencyConfig } from './agency.ts';

/**
 * Project root (the folder with package.json), independent of the working directory: the nearest one
 * above this module, which is src/config/ under tsx and vitest, dist/ in the build.
 */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../..');
  }
}

/** The agency file used when AGENCY_CONFIG is unset (relative to the project root). */
export const DEFAULT_AGENCY_CONFIG = 'config/agency.coespo.json';

const flag = z
  .enum(['0', '1', 'true', 'false', 'on', 'off', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'on');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'debe ser un número' })
    .int('debe ser un entero')
    .min(1, 'debe estar entre 1 y 65535')
    .max(65535, 'debe estar entre 1 y 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_BASE_URL: z
    .url({ message: 'debe ser una URL absoluta (p. ej. https://datos.example.gob.mx)' })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'debe empezar con postgres:// o postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('var'),
  STATS_DATA_DIR: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'debe empezar con smtp:// o smtps://')
    .optional(),
  AGENCY_CONFIG: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_DISABLED: flag.default(false),
  // Rate limits (count per window; see src/web/rate-limit.ts). 0 turns that one limit off.
  RATE_LIMIT_SUBMIT_PER_IP_HOUR: z.coerce.number().int().min(0).default(20),
  RATE_LIMIT_SUBMIT_PER_EMAIL_DAY: z.coerce.number().int().min(0).default(10),
  RATE_LIMIT_SIGN_IN_PER_EMAIL_HOUR: z.coerce.number().int().min(0).default(5),
  RATE_LIMIT_LOOKUP_PER_IP_HOUR: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_API_PER_IP_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Take the client IP from X-Forwarded-For (only behind a proxy that sets it). */
  RATE_LIMIT_TRUST_PROXY: flag.default(false),
  /** How many trusted proxies append to X-Forwarded-For: the client is that many entries from the right. */
  RATE_LIMIT_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  AUTO_ANSWER: z.enum(['on', 'approval', 'off']).default('on'),
  /** Bearer token for /metrics; unset → /metrics answers only direct requests from this machine. */
  METRICS_TOKEN: z.string().min(16, 'debe tener al menos 16 caracteres').optional(),
  /** /readyz fails when a pending outbox job is this many minutes past its run time. */
  READY_OUTBOX_STUCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Personal data of requests closed this many years ago is anonymised (LGPDPPSO). */
  RETENTION_YEARS: z.coerce
    .number({ message: 'debe ser un número' })
    .int('debe ser un entero')
    .min(1, 'debe estar entre 1 y 100')
    .max(100, 'debe estar entre 1 y 100')
    .default(5),
  /** HMAC key for CSRF tokens and links; unset → one generated once under DATA_DIR. A short one stops start-up. */
  SESSION_SECRET: z.string().min(32, 'debe tener al menos 32 caracteres').optional(),
  /** Password of the institutional seal's key; unset → DATA_DIR/…/seal.password (src/documents/signer.ts). */
  SEAL_KEY_PASSWORD: z.string().min(1).optional(),
  /** Port where a worker-only process serves /healthz, /readyz and /metrics; unset → none. */
  WORKER_OPS_PORT: z.coerce
    .number({ message: 'debe ser un número' })
    .int('debe ser un entero')
    .min(1, 'debe estar entre 1 y 65535')
    .max(65535, 'debe estar entre 1 y 65535')
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicBaseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  statsDataDir: string | undefined;
  smtpUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  rateLimitDisabled: boolean;
  rateLimits: {
    submitPerIpHour: number;
    submitPerEmailDay: number;
    signInPerEmailHour: number;
    lookupPerIpHour: number;
    apiPerIpMinute: number;
    trustProxy: boolean;
    trustedProxyHops: number;
  };
  autoAnswer: 'on' | 'approval' | 'off';
  metricsToken: string | undefined;
  readyOutboxStuckMinutes: number;
  workerOpsPort: number | undefined;
  retentionYears: number;
  sessionSecret: string | undefined;
  sealKeyPassword: string | undefined;
  agency: AgencyConfig;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the whole configuration once. Throws ConfigError naming each bad variable,
 * so start-up stops with a message an operator can act on.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings in the environment mean "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Configuración inválida:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(PROJECT_ROOT, e.DATA_DIR);
  const statsDataDir = e.STATS_DATA_DIR
    ? resolve(PROJECT_ROOT, e.STATS_DATA_DIR)
    : [resolve(PROJECT_ROOT, 'data/official'), resolve(PROJECT_ROOT, '../shared/data')].find((d) =>
        existsSync(d),
      );
  let agency: AgencyConfig;
  try {
    agency = readAgencyConfig(resolve(PROJECT_ROOT, e.AGENCY_CONFIG ?? DEFAULT_AGENCY_CONFIG), cleaned);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const publicBaseUrl = (
    e.PUBLIC_BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`
  ).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    statsDataDir,
    smtpUrl: e.SMTP_URL,
    logLevel: e.LOG_LEVEL,
    rateLimitDisabled: e.RATE_LIMIT_DISABLED,
    rateLimits: {
      submitPerIpHour: e.RATE_LIMIT_SUBMIT_PER_IP_HOUR,
      submitPerEmailDay: e.RATE_LIMIT_SUBMIT_PER_EMAIL_DAY,
      signInPerEmailHour: e.RATE_LIMIT_SIGN_IN_PER_EMAIL_HOUR,
      lookupPerIpHour: e.RATE_LIMIT_LOOKUP_PER_IP_HOUR,
      apiPerIpMinute: e.RATE_LIMIT_API_PER_IP_MINUTE,
      trustProxy: e.RATE_LIMIT_TRUST_PROXY,
      trustedProxyHops: e.RATE_LIMIT_TRUSTED_PROXY_HOPS,
    },
    autoAnswer: e.AUTO_ANSWER,
    metricsToken: e.METRICS_TOKEN,
    readyOutboxStuckMinutes: e.READY_OUTBOX_STUCK_MINUTES,
    workerOpsPort: e.WORKER_OPS_PORT,
    retentionYears: e.RETENTION_YEARS,
    sessionSecret: e.SESSION_SECRET,
    sealKeyPassword: e.SEAL_KEY_PASSWORD,
    agency,
  };
}
