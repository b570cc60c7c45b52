import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@server/core/db.js';
import { tileFigures } from '../bench/incident-tiles.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db.js';

/*
 * The million-incident map benchmark (issue 26) runs outside CI (`BENCH_ONLY=map npm run bench`);
 * CI runs the same code small, so it can't rot: every figure it names is measured, each beside
 * its baseline. It checks that the benchmark works, not how fast anything is.
 */
describe(`the map's tile benchmark, small (${onPostgres ? 'postgres' : 'pglite'})`, () => {
  let db: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    database = await db.open();
  });
  afterAll(async () => {
    await database?.close();
    await db?.dispose();
  });

  it('measures tiles cold and warm, the GeoJSON route and area statistics beside count(*), and explains the plans', async () => {
    const notes: string[] = [];
    const figures = await tileFigures(database, 'small', { incidents: 2_000, log: (line) => notes.push(line) });
    const names = figures.map((f) => f.name);
    for (const series of ['tile cold, default view', 'tile warm, 10 years', 'GeoJSON route', 'area statistics'])
      for (const p of ['p50', 'p99'])
        expect(
          names.some((n) => n.includes(series) && n.endsWith(p)),
          `${series} ${p}`,
        ).toBe(true);
    for (const f of figures) {
      expect(f.value, f.name).toBeGreaterThan(0);
      expect(f.baseline, f.name).toBeGreaterThan(0);
      expect(f.baselineName).toContain('SELECT count(*) of the same 2000 rows');
    }
    // The plans are the database's own, and the box goes to the location index.
    expect(notes.join('\n')).toMatch(/incidents_location_idx/);
  }, 120_000);
});
