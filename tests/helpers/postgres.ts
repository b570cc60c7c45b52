/** Naming of the databases tests create on a real PostgreSQL server. */

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
