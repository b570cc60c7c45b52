/** Naming of the databases tests create on a real PostgreSQL server. */
export const TEMPLATE_DB = 'boc_test_template';

export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The maintenance database on the same server, to create and drop test databases from. */
export const adminUrl = (url: string) => databaseUrlFor(url, 'postgres');
