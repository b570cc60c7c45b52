import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import { resolveMapFilter } from '@shared/incidents/map-filter.js';
import { tileBounds, tileOf, type TileAddress } from '@shared/incidents/tiles.js';
import { buildApp } from '@server/app.js';
import { loadConfig } from '@server/core/config.js';
import { readGrouped, type Database } from '@server/core/db.js';
import { MAP_PAGE_BLOCKS, mapConditions, mapPointsQuery } from '@server/features/incidents/repository.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { figuresBeside, onBothDatabases, supervisorCookie, timed } from './in-process.js';
import type { BenchFigure } from './repatriation-engine.js';

/*
 * The operations map's vector tiles over ten years of the border (issue 26), in process on
 * PostgreSQL and on PGlite: a million synthetic incidents, tiles at every zoom for the default
 * view (open, last 7 days) and for ten years of every status, cold (built) and warm (from the
 * cache), beside a `SELECT count(*)` of the same table in the same run; the current GeoJSON
 * route over the same ten years; an area's statistics over ten years; the query plans.
 */

export const TILE_INCIDENTS = Number(process.env.BENCH_TILE_INCIDENTS ?? 1_000_000);
export const TILE_YEARS = 10;
const DAYS = TILE_YEARS * 365;

/** Ten years of synthetic incidents ending now: most are closed; the open ones are spread over the years too. */
export function seedTenYears(database: Database, count = TILE_INCIDENTS) {
  return seedSyntheticIncidents(database.db, { count, now: new Date(), days: DAYS, finishedShare: 0.9, seed: 26 });
}

/** The map's query for ten years (and a day) up to now, every status. */
export const tenYearsQuery = () =>
  `status=reported,acknowledged,responding,resolved,closed&range=custom&from=${new Date(Date.now() - (DAYS + 1) * 86_400_000).toISOString()}`;

/** Where the border is busiest: the tiles around these at each deeper zoom. */
export const HOT_SPOTS: Array<[number, number]> = [
  [-117.03, 32.54], // Tijuana
  [-111.3, 31.5], // the Altar Valley
  [-106.45, 31.75], // El Paso – Ciudad Juárez
];

/** The tiles a 1280×800 view of the whole border needs (zoom 4), and 3×3 blocks around the hot spots deeper. */
function benchTiles(): Array<{ zoom: number; tiles: TileAddress[] }> {
  const border: TileAddress[] = [];
  const nw = tileOf(-118, 33, 4);
  const se = tileOf(-96, 25, 4);
  for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) border.push({ z: 4, x, y });
  const deeper = [6, 8, 10, 12, 14].map((zoom) => ({
    zoom,
    tiles: HOT_SPOTS.flatMap(([lon, lat]) => {
      const c = tileOf(lon, lat, zoom);
      return [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => ({ z: zoom, x: c.x + dx, y: c.y + dy })));
    }),
  }));
  return [{ zoom: 4, tiles: border }, ...deeper];
}

/** What a run may change: how many incidents, and where its notes go (CI's small run keeps them). */
export interface TileBenchOptions {
  incidents?: number;
  log?: (line: string) => void;
}

/** The figures on one database; CI runs them small (tests/server/map-bench.test.ts). */
export async function tileFigures(
  database: Database,
  label: string,
  { incidents = TILE_INCIDENTS, log = console.log }: TileBenchOptions = {},
): Promise<BenchFigure[]> {
  const t0 = performance.now();
  await seedTenYears(database, incidents);
  log(
    `  ${label}: ${incidents} incidents over ${TILE_YEARS} years written in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  // As the console does after a bulk load (PGlite: embedded-maintenance.ts; PostgreSQL: autovacuum, not waited for).
  await database.db.execute(sql`vacuum (analyze) incidents`);
  const app = await buildApp(loadConfig({ ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: '1' }), { database });
  await app.ready();
  try {
    const cookie = await supervisorCookie(app);
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.rawPayload.byteLength;
    };
    // The map's index loads as the console starts; the first tile waits for it (a filter no later tile asks for).
    const indexed = performance.now();
    await get(`/api/incidents/tiles/0/0/0?type=smuggling&range=custom&from=${new Date(0).toISOString()}`);
    log(
      `  ${label}: the map's index of ${incidents} incidents answers ${(performance.now() - indexed).toFixed(0)} ms after start`,
    );
    const tenYears = tenYearsQuery();
    const filters = [
      ['default view (open, last 7 days)', ''],
      [`${TILE_YEARS} years, every status`, tenYears],
    ] as const;
    const count = await timed(30, async () => void (await database.db.execute(sql`select count(*) from incidents`)));

    const series: Array<[string, number[]]> = [];
    for (const [name, query] of filters) {
      const cold: number[] = [];
      const warm: number[] = [];
      const worst: string[] = [];
      let viewBytes = 0;
      for (const { zoom, tiles } of benchTiles()) {
        const atZoom: number[] = [];
        for (const pass of [cold, warm])
          for (const t of tiles) {
            const started = performance.now();
            const bytes = await get(`/api/incidents/tiles/${t.z}/${t.x}/${t.y}?${query}`);
            const ms = performance.now() - started;
            pass.push(ms);
            if (pass === cold) atZoom.push(ms);
            if (pass === cold && zoom === 4) viewBytes += bytes;
          }
        worst.push(`z${zoom} ${Math.max(...atZoom).toFixed(0)}`);
      }
      log(
        `  ${label}, ${name}: the border at zoom 4 is ${(viewBytes / 1024).toFixed(0)} kB of tiles; slowest cold tile by zoom (ms): ${worst.join(', ')}`,
      );
      series.push([`tile cold, ${name}`, cold], [`tile warm, ${name}`, warm]);
    }

    // The route the map drew from before tiles, over the same ten years (the newest 50,000, cut).
    series.push([
      `GeoJSON route, ${TILE_YEARS} years (newest 50,000)`,
      await timed(3, async () => void (await get(`/api/incidents.geojson?${tenYears}`))),
    ]);

    const areas = (await app.inject({ url: '/api/areas', headers: { cookie } })).json() as {
      features: Array<{ properties: { id: string } }>;
    };
    const area = areas.features[0]!.properties.id;
    const from = new Date(Date.now() - DAYS * 86_400_000).toISOString();
    const stats = await timed(10, async () => void (await get(`/api/areas/${area}/stats?range=custom&from=${from}`)));
    series.push([`area statistics, ${TILE_YEARS} years (${area})`, stats]);

    log(`  ${label}: server process RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (PGlite runs in it)`);
    await explainPlans(database, label, tenYears, log);
    return figuresBeside(label, { name: `SELECT count(*) of the same ${incidents} rows`, times: count }, series);
  } finally {
    await app.close();
  }
}

/**
 * The plans of what still reads the table: a page of the map's index as it loads (a TID range scan),
 * and the GeoJSON route's ten years in a zoom-8 view of the Altar Valley (by the location index).
 */
async function explainPlans(database: Database, label: string, tenYears: string, log: (line: string) => void) {
  const explain = async (title: string, query: SQL) => {
    const plan = await readGrouped<{ 'QUERY PLAN': string }>(
      database.db,
      sql`explain (analyze, costs off, timing off, summary on) ${query}`,
    );
    log(`  ${label} plan, ${title}:\n${plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  };
  await explain(`a page of the map's index (${MAP_PAGE_BLOCKS} blocks)`, mapPointsQuery(0, MAP_PAGE_BLOCKS));
  const view = tileBounds(tileOf(HOT_SPOTS[1]![0], HOT_SPOTS[1]![1], 8));
  const filter = { ...resolveMapFilter(Object.fromEntries(new URLSearchParams(tenYears)), new Date()), bbox: view };
  await explain(
    `${TILE_YEARS} years in a zoom-8 view, counted`,
    sql`select count(*) from incidents where ${mapConditions(filter, null)}`,
  );
}

export async function benchIncidentTiles(postgresUrl: string): Promise<BenchFigure[]> {
  return onBothDatabases(postgresUrl, tileFigures);
}
