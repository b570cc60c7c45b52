import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '@server/core/db.js';
import { vacuumWhereDue } from '@server/core/embedded-maintenance.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';
import { startApp } from '../helpers/app.js';

// PGlite is PostgreSQL in single-user mode: no autovacuum. Without statistics the planner
// guesses, and without a visibility map every read visits the heap: a year's report over
// 100,000 incidents took 1.6 s instead of 1.0 s (issue #25). On PostgreSQL autovacuum does this.
describe.skipIf(onPostgres)('the embedded database keeps its tables vacuumed and analysed', () => {
  let suite: TestDatabase;
  let database: Database;
  beforeEach(async () => {
    suite = await createTestDatabase();
    database = await suite.open();
  });
  afterEach(() => suite.dispose());

  /** What the planner believes of the events table against what is there. */
  const eventsTable = async () => {
    const result = await database.db.execute(sql`
      select c.reltuples::float8 as estimated, (select count(*)::float8 from events) as stored,
             s.last_analyze is not null as analysed
        from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'events'`);
    return (result as unknown as { rows: Array<{ estimated: number; stored: number; analysed: boolean }> }).rows[0]!;
  };
  /** A busy day's events, written as the console writes them: no ANALYZE after. */
  const load = (count: number) =>
    database.db.execute(
      sql`insert into events (kind, data) select 'incident.updated', jsonb_build_object('n', g) from generate_series(1, ${count}) g`,
    );

  it('finds nothing to do on the database as first prepared: seeding analysed what it loaded', async () => {
    expect(await vacuumWhereDue(database.db)).toEqual([]);
  });

  it('vacuums a table after a bulk load, once, so the planner knows its size', async () => {
    await load(3000);
    expect(await eventsTable()).toMatchObject({ stored: 3000, analysed: false });
    expect((await eventsTable()).estimated).not.toBe(3000);

    expect(await vacuumWhereDue(database.db)).toContain('events');
    expect(await eventsTable()).toEqual({ estimated: 3000, stored: 3000, analysed: true });
    expect(await vacuumWhereDue(database.db)).toEqual([]);
  });

  it('still finds a load after a restart lost the change counters (PGlite keeps them in memory)', async () => {
    await load(3000);
    await vacuumWhereDue(database.db);
    await load(3000);
    // What a restart does to the counters (flushed first, else the load's would arrive after
    // the reset); the size the last analysis saw is on disk.
    await database.db.execute(sql`select pg_stat_force_next_flush()`);
    await database.db.execute(sql`select pg_stat_reset()`);
    expect(await eventsTable()).toEqual({ estimated: 3000, stored: 6000, analysed: false });

    expect(await vacuumWhereDue(database.db)).toContain('events');
    expect(await eventsTable()).toEqual({ estimated: 6000, stored: 6000, analysed: true });
  });

  describe('in the running console', () => {
    let app: FastifyInstance;
    afterEach(() => app?.close());

    it('looks on its own every EMBEDDED_MAINTENANCE_MS', async () => {
      app = await startApp(database, { env: { EMBEDDED_MAINTENANCE_MS: '1000' } });
      await load(2000);
      await vi.waitFor(
        async () => expect(await eventsTable()).toEqual({ estimated: 2000, stored: 2000, analysed: true }),
        {
          timeout: 15_000,
          interval: 250,
        },
      );
    }, 30_000);
  });
});
