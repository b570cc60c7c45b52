import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@server/core/db.js';

/**
 * What the server's own PostgreSQL role may do, granted by the role that owns the tables
 * (the one migrations run as, MIGRATION_DATABASE_URL). The owner can truncate a table,
 * disable its triggers or drop them; the server's role can't, so the append-only history
 * (audit log, events, timelines, acknowledgements — every table with a `refuse_rewrite`
 * trigger, the migrations being the one list of them) is kept by the database whatever
 * the server does:
 * - append-only tables: SELECT and INSERT, no DELETE or TRUNCATE; `events` also UPDATE, which
 *   `LOCK TABLE … IN SHARE MODE` (the event hub's start) requires and its trigger refuses;
 * - every other table: SELECT, INSERT, UPDATE, DELETE — never TRUNCATE;
 * - sequences: what `serial`/identity inserts need.
 * Not granted: ownership (so no ALTER TABLE … DISABLE TRIGGER), CREATE on the schema, and
 * superuser (so no `SET session_replication_role = replica`).
 */
export async function grantServerRole(owner: Database, role: string): Promise<{ appendOnly: string[] }> {
  const rows = <T>(query: SQL) => rowsOf<T>(owner.db, query);
  const appendOnly = (
    await rows<{ table: string }>(sql`
      select distinct c.relname as table from pg_trigger t
      join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
      join pg_namespace n on n.oid = c.relnamespace
      where p.proname = 'refuse_rewrite' and n.nspname = 'public' and not t.tgisinternal
      order by 1`)
  ).map((r) => r.table);
  const tables = (
    await rows<{ table: string }>(sql`select tablename as table from pg_tables where schemaname = 'public' order by 1`)
  ).map((r) => r.table);

  const who = sql.identifier(role);
  await owner.db.transaction(async (tx) => {
    await tx.execute(sql`revoke all on all tables in schema public from ${who}`);
    await tx.execute(sql`grant usage on schema public to ${who}`);
    for (const table of tables) {
      const t = sql.identifier(table);
      if (!appendOnly.includes(table)) await tx.execute(sql`grant select, insert, update, delete on ${t} to ${who}`);
      else if (table === 'events') await tx.execute(sql`grant select, insert, update on ${t} to ${who}`);
      else await tx.execute(sql`grant select, insert on ${t} to ${who}`);
    }
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${who}`);
    // Migrations' own bookkeeping: the server reads nothing there and writes nothing.
    await tx.execute(sql`revoke all on schema drizzle from ${who}`);
  });
  return { appendOnly };
}
