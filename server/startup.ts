import type { Config } from '@server/core/config.js';
import type { DatabaseKind } from '@server/core/db.js';

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
}

/** The one line that says what is running where: the address to open, the database, the demo data. */
export function startupMessage({ host, port, database, demoAccounts, demoIncidentsSeeded }: Startup): string {
  const address = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  const demo = demoAccounts
    ? `demo accounts seeded (password in README)${demoIncidentsSeeded > 0 ? `, ${demoIncidentsSeeded} fictional demo incidents added` : ''}`
    : 'no demo accounts';
  const reach = exposed(host) ? `listening on ${host}` : 'this machine only (HOST=0.0.0.0 to expose)';
  return `Border Operations Console at ${address} · database: ${database} · ${demo} · ${reach}`;
}
