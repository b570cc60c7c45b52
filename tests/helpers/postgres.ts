/** Naming of the databases tests create on a real PostgreSQL server, and the connection that makes them. */
import type pg from 'pg';

export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * The migrated, seeded database each suite copies: named after the database DATABASE_URL
 * points at, so two runs against different databases of one server don't share it.
 */
export function templateDatabase(url: string): string {
  return `${new URL(url).pathname.slice(1)}_template`;
}

/** The maintenance database on the same server, to create and drop test databases from. */
export const adminUrl = (url: string) => databaseUrlFor(url, 'postgres');

/**
 * pg emits `error` on a client whose connection ends under it — as DROP DATABASE … WITH
 * (FORCE) ends whatever is still connected — and an `error` nobody listens to is an
 * uncaught exception that fails the whole run. A query in flight rejects with the same
 * error, which is where a test sees it; the event itself needs no more than a listener.
 */
export function ignoreConnectionError(client: pg.Client): pg.Client {
  return client.on('error', () => {});
}

/** Runs `work` on a connection to the maintenance database, closed afterwards whatever happens. */
export async function onAdminConnection(url: string, work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const { default: pgModule } = await import('pg');
  const admin = ignoreConnectionError(new pgModule.Client({ connectionString: adminUrl(url) }));
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
