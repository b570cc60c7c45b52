import { hostname } from 'node:os';
import type { Config } from '@server/core/config.js';
import type { DatabaseKind } from '@server/core/db.js';
import { textLine } from '@server/core/log.js';

/**
 * Where to listen: HOST when set; otherwise only this machine (127.0.0.1) while demo
 * accounts exist, since their password is in the README, and every interface without them.
 */
export function listenHost(config: Pick<Config, 'host'>, demoAccounts: boolean): string {
  return config.host ?? (demoAccounts ? '127.0.0.1' : '0.0.0.0');
}

/** Reachable from other machines. */
export const exposed = (host: string) => host !== '127.0.0.1' && host !== 'localhost' && host !== '::1';

/** The database in words, without a password: "PGlite (embedded) in /srv/boc/data" or "PostgreSQL at db.internal:5432/boc". */
export function describeDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, kind: DatabaseKind): string {
  if (kind === 'pglite' || !config.databaseUrl) return `PGlite (embedded) in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

export interface Startup {
  host: string;
  port: number;
  database: string;
  demoAccounts: boolean;
  /** Demo incidents written at this start (0 when they were there already or not wanted). */
  demoIncidentsSeeded: number;
  /** Seconds from the process's start to listening, when known. */
  readySeconds?: string;
}

/** The one line that says what is running where: the address to open, the database, the demo data. */
export function startupMessage({
  host,
  port,
  database,
  demoAccounts,
  demoIncidentsSeeded,
  readySeconds,
}: Startup): string {
  const address = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const demo = demoAccounts
    ? `demo accounts seeded (password in README)${demoIncidentsSeeded > 0 ? `, ${demoIncidentsSeeded} fictional demo incidents added` : ''}`
    : 'no demo accounts';
  const reach = exposed(host) ? `listening on ${host}` : 'this machine only (HOST=0.0.0.0 to expose)';
  const ready = readySeconds ? ` · ready in ${readySeconds} s` : '';
  return `Border Operations Console at ${address} · database: ${database} · ${demo} · ${reach}${ready}`;
}

/** Seconds since this process started (the clock a newcomer watching the terminal has). */
export const secondsSinceStart = (): string => (performance.now() / 1000).toFixed(1);

/**
 * What the start is doing, before the app and its logger exist (migrations, seeding and a
 * first start's demo incidents take seconds): info lines in the app's log format — readable
 * text on a terminal, pino's JSON lines for a collector — each with the seconds since the
 * process started, e.g. `16:02:03 INFO  playing 19 demo incidents (first start only)… (2.8 s)`.
 */
export function startupProgress(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  write: (line: string) => void = (line) => void process.stdout.write(line),
): (step: string) => void {
  const quiet = ['warn', 'error', 'fatal', 'silent'].includes(config.logLevel);
  const text = config.logFormat === 'text' || (config.logFormat === 'auto' && process.stdout.isTTY === true);
  return (step) => {
    if (quiet) return;
    const json = JSON.stringify({
      level: 30,
      time: Date.now(),
      pid: process.pid,
      hostname: hostname(),
      msg: `${step} (${secondsSinceStart()} s)`,
    });
    write(text ? textLine(json) : `${json}\n`);
  };
}
