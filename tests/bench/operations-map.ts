import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { chromium } from 'playwright-core';
import { buildApp } from '@server/app.js';
import { openPreparedDatabase } from '@server/bootstrap.js';
import { loadConfig } from '@server/core/config.js';
import type { Database } from '@server/core/db.js';
import { DEMO_PASSWORD } from '@seeds/demo-users.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { figuresBeside, onBothDatabases, supervisorCookie, timed } from './in-process.js';
import type { BenchFigure } from './repatriation-engine.js';

/*
 * The operations map (issue 17), in `npm run bench`:
 * - `GET /api/incidents.geojson` over 100,000 stored incidents, on PostgreSQL and on PGlite,
 *   the default view (open ones, last 7 days) and the whole border over the whole period
 *   (50,000 returned, `truncated`), p50/p99, beside a plain `SELECT count(*)` of the table
 *   in the same run;
 * - in headless Chromium (`benchMapInBrowser`, for each store run.ts seeds: none, 50,000 in the
 *   default view, a million over ten years; issue 26): page load (as from a new tab, and
 *   reloaded) → map idle, beside the page alone in the same run; type filters clicked →
 *   redrawn; one live incident, websocket event → its marker drawn, and the tiles fetched.
 */

const STORED = Number(process.env.BENCH_MAP_INCIDENTS ?? 100_000);
const ON_MAP = Number(process.env.BENCH_MAP_BROWSER_INCIDENTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_MAP_ROUNDS ?? 30);
/** The type filters clicked one after another, each measured; drowning last (the live incident is one). */
const FILTER_TYPES = ['heat_exposure', 'death', 'migrant_distress', 'smuggling', 'drowning'] as const;
const DAYS = 30;
/** Page loads per store, the first not counted: seven warm loads, as one load varies by ±15 % on this machine. */
const LOADS = 8;

/** The console in process on `database` (inject, no network): the query, the features and their JSON. */
async function geojsonFigures(database: Database, label: string): Promise<BenchFigure[]> {
  const now = new Date();
  await seedSyntheticIncidents(database.db, { count: STORED, now, days: DAYS, finishedShare: 0.3, seed: 2001 });
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn', SEED_DEMO: '1' });
  const app = await buildApp(config, { database });
  await app.ready();
  try {
    const cookie = await supervisorCookie(app);
    const get = (query: string) => async () => {
      const res = await app.inject({ url: `/api/incidents.geojson?${query}`, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    const whole = `range=custom&from=${new Date(now.getTime() - (DAYS + 1) * 86_400_000).toISOString()}&status=reported,acknowledged,responding,resolved,closed`;
    const sizes = async (query: string) => {
      const res = await app.inject({ url: `/api/incidents.geojson?${query}`, headers: { cookie } });
      const body = res.json() as { features: unknown[]; total: number; truncated: boolean };
      return `${body.features.length} features${body.truncated ? ` of ${body.total}, truncated` : ''}, ${(res.body.length / 1e6).toFixed(1)} MB`;
    };
    const count = await timed(
      ROUNDS,
      async () => void (await database.db.execute(sql`select count(*) from incidents`)),
    );
    const defaultView = await timed(ROUNDS, get(''));
    const fullBorder = await timed(Math.max(5, Math.round(ROUNDS / 3)), get(whole));
    console.log(`  ${label}: default view → ${await sizes('')}; whole border → ${await sizes(whole)}`);
    return figuresBeside(label, { name: `SELECT count(*) of the same ${STORED} rows`, times: count }, [
      ['default view (open, last 7 days)', defaultView],
      ['whole border, every status, 30 days', fullBorder],
    ]);
  } finally {
    await app.close();
  }
}

export async function benchIncidentsGeojson(postgresUrl: string): Promise<BenchFigure[]> {
  if (process.env.BENCH_MAP_SKIP_GEOJSON) return [];
  return onBothDatabases(postgresUrl, geojsonFigures);
}

/**
 * The machine has no GPU, so WebGL is drawn in software: by Chromium's own SwiftShader (the
 * default, as in the browser tests), or with `BENCH_MAP_GL=llvmpipe` by the machine's Mesa
 * llvmpipe through ANGLE's EGL backend (Chromium keeps llvmpipe on its blocklist, hence the flag).
 */
const softwareGl = () =>
  process.env.BENCH_MAP_GL === 'llvmpipe' ? ['--use-angle=gl-egl', '--ignore-gpu-blocklist'] : ['--disable-gpu'];

export interface BrowserFigures {
  /** Who drew the map's WebGL (the unmasked renderer string). */
  renderer: string;
  /** Page load → map idle, warm (the app's files cached), ms, as from a new tab (a renderer process of its own). */
  loads: number[];
  /** The same, reloaded in its tab (F5): the renderer and its compiled code kept. */
  reloads: number[];
  /** What one warm load fetched from the API: every answer, and the tiles among them. */
  apiBytes: number;
  tileBytes: number;
  tileRequests: number;
  /** Baseline in the same page: `GET /api/incidents.geojson` of the default view, fetched and parsed (ms). */
  geojsonMs: number[];
  geojsonBytes: number;
  /** Websocket event → marker drawn (page clock); negative: see run.ts. */
  liveMs: number;
  /** POST /api/incidents sent → marker drawn (the bench's clock: the server's write and broadcast too). */
  postToDrawnMs: number;
  /** Tiles fetched from the live event until drawn (none: the live source draws it). */
  tilesForLive: number;
  /** Type filters clicked → the map idle with the filtered tiles, ms; the most tiles one fetched, and in view. */
  filterMs: number[];
  filterTiles: number;
  tilesInView: number;
}

type PageMap = {
  loaded(): boolean;
  isSourceLoaded(s: string): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  getZoom(): number;
  jumpTo(o: object): void;
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  queryRenderedFeatures(o: object): Array<{ properties: { id?: string } }>;
  on(event: string, listener: () => void): void;
  off(event: string, listener: () => void): void;
};
type PageGlobals = {
  borderMap?: PageMap;
  document: { querySelector(s: string): unknown };
  liveArrivals: Record<string, number>;
  performance: { now(): number };
  requestAnimationFrame(f: () => void): void;
  fetch(url: string): Promise<{ text(): Promise<string> }>;
};

/**
 * The operations map in headless Chromium on a running console (`base`): page load → map idle
 * `LOADS` times (the first fills the browser's cache of the app's files and is not counted) and
 * what a load fetched, then reloaded in its tab; beside it, the default view's GeoJSON fetched
 * in the same page. Then five type filters clicked → redrawn, and one live incident near
 * Tijuana from its websocket event to its marker drawn, counting the tiles fetched meanwhile.
 */
export async function benchMapInBrowser(base: string): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--no-first-run', ...softwareGl()],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // tsx (esbuild, keepNames) wraps named functions in the callbacks below with `__name`; give the page one.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(() => {
      const g = globalThis as unknown as {
        localStorage: { setItem(k: string, v: string): void };
        WebSocket: new (url: string) => { addEventListener(k: string, l: (m: { data: unknown }) => void): void };
        liveArrivals: Record<string, number>;
        performance: { now(): number };
      };
      g.localStorage.setItem('boc.e2e.map', '1');
      g.liveArrivals = {};
      const Native = g.WebSocket;
      g.WebSocket = class extends Native {
        constructor(url: string) {
          super(url);
          this.addEventListener('message', (m) => {
            const id = /"kind":"incident\.created".*?"incidentId":"([0-9a-f-]{36})"/.exec(String(m.data))?.[1];
            if (id) g.liveArrivals[id] = g.performance.now();
          });
        }
      } as typeof Native;
    });
    const page = await context.newPage();
    const login = await page.request.post(`${base}/api/auth/login`, {
      data: { username: 'supervisor.mx', password: DEMO_PASSWORD },
    });
    if (!login.ok()) throw new Error(`sign-in: ${login.status()}`);
    const countOf = async (query: string) =>
      ((await (await page.request.get(`${base}/api/incidents.geojson?limit=1&${query}`)).json()) as { total: number })
        .total;
    const idle = (count: number) =>
      page.waitForFunction(
        (expected) => {
          const g = globalThis as unknown as PageGlobals;
          const map = g.borderMap;
          return Boolean(
            g.document.querySelector(`[data-testid=map-answer][data-count="${expected}"]`) &&
            map?.loaded() &&
            map.isSourceLoaded('incidents') &&
            map.areTilesLoaded() &&
            !map.isMoving(),
          );
        },
        count,
        { timeout: 60_000, polling: 20 },
      );

    // What the page fetches from the API, from now on.
    let fetched: Array<{ url: string; bytes: number }> = [];
    page.on('response', (response) => {
      if (!response.url().includes('/api/')) return;
      void response.body().then(
        (body) => fetched.push({ url: response.url(), bytes: body.byteLength }),
        () => {},
      );
    });

    const inView = await countOf('');
    const loads: number[] = [];
    let apiBytes = 0;
    let tileBytes = 0;
    let tileRequests = 0;
    for (let i = 0; i < LOADS; i++) {
      await page.goto('about:blank');
      fetched = [];
      const t0 = performance.now();
      await page.goto(`${base}/#/map`);
      await idle(inView);
      const ms = performance.now() - t0;
      if (i > 0) loads.push(ms); // the first load fills the browser's cache of the app's files
      console.log(`  map load ${i}: ${ms.toFixed(0)} ms${i === 0 ? ' (cold, not counted)' : ''}`);
      if (i === LOADS - 1) {
        await page.waitForTimeout(500); // the last answers' bodies
        const tiles = fetched.filter((f) => f.url.includes('/api/incidents/tiles/'));
        apiBytes = fetched.reduce((sum, f) => sum + f.bytes, 0);
        tileBytes = tiles.reduce((sum, f) => sum + f.bytes, 0);
        tileRequests = tiles.length;
      }
    }

    // Reloaded in the same tab: Chromium keeps the renderer process and the code it compiled, which a
    // load from about:blank starts afresh (each one above).
    const reloads: number[] = [];
    for (let i = 0; i < LOADS - 1; i++) {
      const t0 = performance.now();
      await page.reload();
      await idle(inView);
      reloads.push(performance.now() - t0);
    }

    const renderer = await page.evaluate(() => {
      type Gl = {
        getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
        getParameter(p: number): unknown;
      };
      const { document } = globalThis as unknown as {
        document: { createElement(tag: 'canvas'): { getContext(kind: 'webgl2'): Gl | null } };
      };
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    });

    // Baseline, same page: the default view as the GeoJSON route answers it, fetched and parsed.
    const geojsonMs: number[] = [];
    let geojsonBytes = 0;
    for (let i = 0; i < 3; i++) {
      const { ms, bytes } = await page.evaluate(async () => {
        const g = globalThis as unknown as PageGlobals;
        const t0 = g.performance.now();
        const text = await (await g.fetch('/api/incidents.geojson')).text();
        JSON.parse(text);
        return { ms: g.performance.now() - t0, bytes: text.length };
      });
      geojsonMs.push(ms);
      geojsonBytes = bytes;
    }

    // Type filters: click → the map idle with the filtered tiles. Each a filter the page and the server have
    // not seen (no tile cached), one type at a time; drowning last, which the live incident below is.
    const tilesInView = await page.evaluate(() => {
      const map = (globalThis as unknown as PageGlobals).borderMap!;
      const n = 2 ** Math.floor(map.getZoom());
      const b = map.getBounds();
      const column = (lon: number) => Math.floor(((lon + 180) / 360) * n);
      const row = (lat: number) => {
        const s = Math.sin((lat * Math.PI) / 180);
        return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
      };
      return (column(b.getEast()) - column(b.getWest()) + 1) * (row(b.getSouth()) - row(b.getNorth()) + 1);
    });
    const filterMs: number[] = [];
    let filterTiles = 0;
    for (const type of FILTER_TYPES) {
      const box = page.getByTestId('filter-type').locator(`input[value=${type}]`);
      const matching = await countOf(`type=${type}`);
      fetched = [];
      const f0 = performance.now();
      await box.click();
      await idle(matching);
      filterMs.push(performance.now() - f0);
      await page.waitForTimeout(300); // the last tiles' bodies
      filterTiles = Math.max(filterTiles, fetched.filter((f) => f.url.includes('/api/incidents/tiles/')).length);
      if (type === 'drowning') break; // left on for the live incident
      await box.click();
      await idle(inView);
    }

    const drowning = await countOf('type=drowning');
    // One live incident near Tijuana, zoomed in enough to draw it on its own.
    await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).borderMap!.jumpTo({ center: [-117.03, 32.54], zoom: 13 }),
    );
    await idle(drowning);
    await page.waitForTimeout(300);
    // Watch for the new incident from before it exists: resolves at the end of the frame that drew it (the
    // map's `render`; a poll on animation frames saw it a frame late, up to 100 ms with software WebGL).
    await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals & { watchDrawn(id: string): Promise<number> };
      g.watchDrawn = (id) =>
        new Promise<number>((resolve) => {
          const map = g.borderMap!;
          const drawn = () =>
            map.queryRenderedFeatures({ layers: ['incidents-live'] }).some((f) => f.properties.id === id);
          const onRender = () => {
            if (!drawn()) return;
            map.off('render', onRender);
            clearTimeout(timeout);
            resolve(g.performance.now());
          };
          const timeout = setTimeout(() => {
            map.off('render', onRender);
            resolve(-1);
          }, 60_000);
          map.on('render', onRender);
          onRender();
        });
    });
    fetched = [];
    const t0 = performance.now();
    const created = await page.request.post(`${base}/api/incidents`, {
      data: {
        type: 'drowning',
        severity: 'critical',
        summary: 'Bench: person swept away at the Tijuana River channel',
        location: { lat: 32.541, lon: -117.031 },
        occurredAt: new Date().toISOString(),
      },
    });
    if (created.status() !== 201) throw new Error(`POST /api/incidents: ${created.status()}`);
    const { id } = (await created.json()) as { id: string };
    const drawnAt = await page.evaluate(
      (incidentId) => (globalThis as unknown as { watchDrawn(id: string): Promise<number> }).watchDrawn(incidentId),
      id,
    );
    const postToDrawnMs = drawnAt < 0 ? -1 : performance.now() - t0;
    const liveMs = await page.evaluate(
      ({ incidentId, drawn }) => {
        const arrived = (globalThis as unknown as PageGlobals).liveArrivals[incidentId];
        return drawn < 0 ? (arrived === undefined ? -2 : -3) : arrived === undefined ? -1 : drawn - arrived;
      },
      { incidentId: id, drawn: drawnAt },
    );
    const tilesForLive = fetched.filter((f) => f.url.includes('/api/incidents/tiles/')).length;
    return {
      renderer,
      loads,
      reloads,
      apiBytes,
      tileBytes,
      tileRequests,
      geojsonMs,
      geojsonBytes,
      liveMs,
      postToDrawnMs,
      tilesForLive,
      filterMs,
      filterTiles,
      tilesInView,
    };
  } finally {
    await browser.close();
  }
}

/** A console database at `postgresUrl`, migrated and seeded with the demo, then with `incidents`. */
export async function seedBrowserIncidents(postgresUrl: string, incidents: (database: Database) => Promise<unknown>) {
  const config = loadConfig({ ...process.env, DATABASE_URL: postgresUrl, LOG_LEVEL: 'warn', SEED_DEMO: '1' });
  const database = await openPreparedDatabase(config, { seed: true, demo: true });
  try {
    await incidents(database);
    await database.db.execute(sql`vacuum (analyze) incidents`);
  } finally {
    await database.close();
  }
}

/** `ON_MAP` open incidents over the last 6.5 days: all of them in the map's default view. */
export const openThisWeek = (database: Database) =>
  seedSyntheticIncidents(database.db, { count: ON_MAP, now: new Date(), days: 6.5 });

export const mapBenchSizes = { STORED, ON_MAP };
