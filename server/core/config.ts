import fp from 'fastify-plugin';
import { z } from 'zod';
import { defaultAckDeadlines } from '@shared/incidents/contract.js';
import { defaultTimeouts, type DatabaseTimeouts } from '@server/core/db.js';

const minutes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(fallback);
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Every setting the server reads from the environment, validated once at start. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  /** Unset: 127.0.0.1 while demo accounts exist (their password is public), else 0.0.0.0 (server/main.ts). */
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The tables' owner: migrations and seeding run as it, and it grants DATABASE_URL's role only what the server needs. */
  MIGRATION_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: flag,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: flag,
  TRUST_PROXY: flag,
  ACK_MINUTES_CRITICAL: minutes(defaultAckDeadlines.critical),
  ACK_MINUTES_HIGH: minutes(defaultAckDeadlines.high),
  ACK_MINUTES_MEDIUM: minutes(defaultAckDeadlines.medium),
  ACK_MINUTES_LOW: minutes(defaultAckDeadlines.low),
  DUE_WORK_POLL_MS: z.coerce.number().int().min(50).optional(),
  /** The name DUE_WORK_POLL_MS had when escalation was the only due work; still read. */
  ESCALATION_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Runs of one piece of due work before it is set aside for an administrator (about 4 h of retries at 10). */
  DUE_WORK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  EVENTS_POLL_MS: z.coerce.number().int().min(50).default(2000),
  /** How often the embedded database looks for tables due for VACUUM/ANALYZE (server/core/embedded-maintenance.ts). */
  EMBEDDED_MAINTENANCE_MS: z.coerce.number().int().min(1000).default(60_000),
  /** A reconnecting client further behind than this many events refetches instead of replaying. */
  EVENTS_REPLAY_LIMIT: z.coerce.number().int().min(100).default(10_000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(defaultTimeouts.connectMs),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(defaultTimeouts.statementMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(defaultTimeouts.idleInTransactionMs),
  DB_POOL_MAX: z.coerce.number().int().min(2).max(500).default(defaultTimeouts.poolMax),
  /** Origins besides the console's own (the request's Host) that may change state, comma-separated: a proxy's public name. */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((o) => new URL(o).origin))),
  /** The console's public address (https://console.example): links and ids in the public feeds, never the Host header. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Reports farther than this from the US–Mexico line are refused (issue #22; shared/incidents/rules.ts). */
  MAX_REPORT_DISTANCE_KM: z.coerce.number().int().min(1).max(20_000).default(300),
  MAP_STYLE_URL: z.url().optional(),
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `text`: one readable line per entry (a terminal); `json`: pino's lines (a log collector); `auto`: text on a terminal. */
  LOG_FORMAT: z.enum(['auto', 'text', 'json']).default('auto'),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  /** The interface to listen on; null: decided by whether demo accounts exist (server/main.ts). */
  host: string | null;
  port: number;
  databaseUrl: string | undefined;
  /** PostgreSQL: the owner's connection for migrations and seeding (docs/security.md); unset: DATABASE_URL does both. */
  migrationDatabaseUrl: string | undefined;
  dataDir: string;
  /** Demo accounts: always on the embedded database, on Postgres only with SEED_DEMO=1. */
  seedDemo: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Behind a reverse proxy: take client addresses from X-Forwarded-For (rate limits, audit). */
  trustProxy: boolean;
  ackDeadlineMinutes: { critical: number; high: number; medium: number; low: number };
  /** How often each instance looks for due work (escalations, later expiries and deadlines). */
  dueWorkPollMs: number;
  /** Runs of one piece of due work, the first included, before it is set aside. */
  dueWorkMaxAttempts: number;
  eventsPollMs: number;
  /** Embedded database only: how often it looks for tables due for VACUUM/ANALYZE. */
  embeddedMaintenanceMs: number;
  eventsReplayLimit: number;
  database: DatabaseTimeouts;
  /** Origins that may send state-changing requests, besides the console's own. */
  allowedOrigins: string[];
  /** The public address the feeds link to; null: http://localhost:PORT. */
  publicUrl: string | null;
  /** How far from the US–Mexico line an incident may be reported. */
  maxReportDistanceKm: number;
  mapStyleUrl: string | null;
  clientDir: string;
  logLevel: string;
  logFormat: 'auto' | 'text' | 'json';
  /** Set only by the demo player (server/demo-incidents.ts): what it reports is stored as demo. */
  demoPlayer: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST ?? null,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.DATABASE_URL ? e.MIGRATION_DATABASE_URL : undefined,
    dataDir: e.DATA_DIR,
    seedDemo: e.DATABASE_URL === undefined || e.SEED_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    ackDeadlineMinutes: {
      critical: e.ACK_MINUTES_CRITICAL,
      high: e.ACK_MINUTES_HIGH,
      medium: e.ACK_MINUTES_MEDIUM,
      low: e.ACK_MINUTES_LOW,
    },
    dueWorkPollMs: e.DUE_WORK_POLL_MS ?? e.ESCALATION_POLL_MS,
    dueWorkMaxAttempts: e.DUE_WORK_MAX_ATTEMPTS,
    eventsPollMs: e.EVENTS_POLL_MS,
    embeddedMaintenanceMs: e.EMBEDDED_MAINTENANCE_MS,
    eventsReplayLimit: e.EVENTS_REPLAY_LIMIT,
    database: {
      connectMs: e.DB_CONNECT_TIMEOUT_MS,
      statementMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      poolMax: e.DB_POOL_MAX,
    },
    allowedOrigins: e.ALLOWED_ORIGINS,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    maxReportDistanceKm: e.MAX_REPORT_DISTANCE_KM,
    mapStyleUrl: e.MAP_STYLE_URL ?? null,
    clientDir: e.CLIENT_DIR,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    demoPlayer: false,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

/** Makes the validated configuration available to every plugin as `app.config`. */
export const configPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    app.decorate('config', config);
  },
  { name: 'config' },
);
