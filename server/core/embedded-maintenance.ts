import fp from 'fastify-plugin';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@server/core/db.js';

/** PostgreSQL's own autovacuum defaults (autovacuum_*_threshold and *_scale_factor). */
const VACUUM = { base: 50, share: 0.2 };
const INSERT_VACUUM = { base: 1000, share: 0.2 };
const ANALYZE = { base: 50, share: 0.1 };
/** Pages a table may grow or shrink by, past its share, before the size its last analysis saw is stale. */
const DRIFT = { base: 8, share: 0.2 };

interface TableState {
  name: string;
  /** What the last VACUUM or ANALYZE recorded (pg_class, on disk); -1 tuples: never analysed. */
  reltuples: number;
  relpages: number;
  /** The table's size now. */
  pages: number;
  /** Changes counted since this process started (PGlite keeps the counters in memory only). */
  deadTuples: number;
  modifiedSinceAnalyze: number;
  insertedSinceVacuum: number;
}

const over = (count: number, { base, share }: { base: number; share: number }, of: number) =>
  count > base + share * Math.max(of, 0);

function isDue(t: TableState): boolean {
  if (t.reltuples < 0) return t.pages > 0;
  return (
    over(t.deadTuples, VACUUM, t.reltuples) ||
    over(t.insertedSinceVacuum, INSERT_VACUUM, t.reltuples) ||
    over(t.modifiedSinceAnalyze, ANALYZE, t.reltuples) ||
    over(Math.abs(t.pages - t.relpages), DRIFT, t.relpages)
  );
}

/**
 * Autovacuum for the embedded database. PGlite is PostgreSQL in single-user mode, which has
 * no autovacuum: without this its tables never get planner statistics or a visibility map,
 * and a year's report reads every heap page of every table it touches (issue #25). Applies
 * autovacuum's thresholds to the statistics counters and, since PGlite loses those at each
 * restart, also the size each table had at its last analysis, which is on disk. Runs
 * `VACUUM (ANALYZE)` on each table due, one after another, outside any transaction (VACUUM
 * can't run in one); resolves to the tables it vacuumed.
 */
export async function vacuumWhereDue(db: Db): Promise<string[]> {
  // The counters reach the shared statistics only when the backend next goes idle.
  await db.execute(sql`select pg_stat_force_next_flush()`);
  // float8 throughout: both drivers read it as a number (bigint comes back as a string).
  const tables = await rowsOf<TableState>(
    db,
    sql`
    select c.relname as name, c.reltuples::float8 as reltuples, c.relpages::float8 as relpages,
           (pg_relation_size(c.oid) / current_setting('block_size')::int)::float8 as pages,
           s.n_dead_tup::float8 as "deadTuples", s.n_mod_since_analyze::float8 as "modifiedSinceAnalyze",
           s.n_ins_since_vacuum::float8 as "insertedSinceVacuum"
      from pg_class c join pg_stat_user_tables s on s.relid = c.oid
     where s.schemaname = 'public'
     order by c.relname`,
  );
  const due = tables.filter(isDue).map((t) => t.name);
  for (const table of due) await db.execute(sql`vacuum (analyze) ${sql.identifier(table)}`);
  return due;
}

/** On the embedded database, looks for tables due for maintenance every `everyMs` (autovacuum_naptime is a minute). */
export const embeddedMaintenancePlugin = fp<{ everyMs: number }>(
  async (app, { everyMs }) => {
    if (app.database.kind !== 'pglite') return;
    let running: Promise<void> | null = null;
    const check = () => {
      running ??= vacuumWhereDue(app.db)
        .then((tables) => void (tables.length && app.log.info({ tables }, 'embedded database vacuumed')))
        .catch((error: unknown) => app.log.error({ err: error }, 'embedded database maintenance'))
        .finally(() => (running = null));
    };
    const timer = setInterval(check, everyMs).unref();
    app.addHook('preClose', async () => {
      clearInterval(timer);
      await running;
    });
  },
  { name: 'embedded-maintenance', dependencies: ['db'] },
);
