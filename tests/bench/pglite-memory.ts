import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { tileOf } from '@shared/incidents/tiles.js';
import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';
import { HOT_SPOTS, seedTenYears, tenYearsQuery, TILE_INCIDENTS } from './incident-tiles.js';
import { supervisorCookie } from './in-process.js';

/*
 * The console's memory on the embedded database with a million stored incidents (issue 26: under
 * 500 MB RSS): a console process that did not write them opens a PGlite folder holding them, serves
 * the map's index, ten-year tiles and area statistics, and reports its RSS at each step. The in-process tile bench
 * writes the million in the process it measures, so its RSS counts the writing too.
 *
 *   node --import tsx tests/bench/pglite-memory.ts
 */

const config = (dataDir: string) => {
  const { DATABASE_URL: _postgres, ...env } = process.env;
  return loadConfig({ ...env, LOG_LEVEL: 'warn', SEED_DEMO: '1', DATA_DIR: dataDir });
};
const rss = () => `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`;

async function seed(dataDir: string) {
  const database = await openPreparedDatabase(config(dataDir), { seed: true, demo: true });
  await seedTenYears(database);
  await database.db.execute(sql`vacuum (analyze) incidents`);
  await database.close();
}

async function measure(dataDir: string) {
  console.log(`console process started: RSS ${rss()}`);
  const database = await openPreparedDatabase(config(dataDir), { seed: false, demo: false });
  console.log(`PGlite opened on ${TILE_INCIDENTS} incidents: RSS ${rss()}`);
  const app = await buildApp(config(dataDir), { database });
  try {
    await app.ready();
    const cookie = await supervisorCookie(app);
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      return res;
    };
    const started = performance.now();
    await get('/api/incidents/tiles/0/0/0?type=smuggling');
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `the map's index of the million loaded (the first tile answered ${seconds} s after start): RSS ${rss()}`,
    );
    const tenYears = tenYearsQuery();
    for (const query of ['', tenYears])
      for (const z of [4, 6, 8, 10, 12])
        for (const [lon, lat] of HOT_SPOTS) {
          const t = tileOf(lon, lat, z);
          await get(`/api/incidents/tiles/${t.z}/${t.x}/${t.y}?${query}`);
        }
    console.log(`after the default view's and ten years' tiles at zooms 4–12: RSS ${rss()}`);
    const areas = (await get('/api/areas')).json() as { features: Array<{ properties: { id: string } }> };
    const from = new URLSearchParams(tenYears).get('from')!;
    for (const area of areas.features) await get(`/api/areas/${area.properties.id}/stats?range=custom&from=${from}`);
    console.log(`after ten years' statistics of all ${areas.features.length} areas: RSS ${rss()} (goal < 500 MB)`);
  } finally {
    await app.close();
    await database.close();
  }
}

const [step, dataDir] = process.argv.slice(2);
if (step === 'seed') await seed(dataDir!);
else if (step === 'measure') await measure(dataDir!);
else {
  // Each step in a process of its own: the measured one has written nothing.
  const dir = await mkdtemp(path.join(tmpdir(), 'boc-pglite-memory-'));
  const run = (name: string) =>
    new Promise<void>((resolve, reject) =>
      fork(process.argv[1]!, [name, dir], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }).once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`)),
      ),
    );
  try {
    await run('seed');
    await run('measure');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
