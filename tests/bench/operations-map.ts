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
 * - page load → map idle with 50,000 incidents in headless Chromium (goal < 3 s), and one
 *   live incident: websocket event → its marker drawn, and whether the source was rebuilt.
 */

const STORED = Number(process.env.BENCH_MAP_INCIDENTS ?? 100_000);
const ON_MAP = Number(process.env.BENCH_MAP_BROWSER_INCIDENTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_MAP_ROUNDS ?? 30);
const DAYS = 30;

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

export interface BrowserFigures {
  loads: number[];
  /** Websocket event → marker drawn (page clock); negative: see run.ts. */
  liveMs: number;
  /** POST /api/incidents sent → marker drawn (the bench's clock: the server's write and broadcast too). */
  postToDrawnMs: number;
  /** Baseline: the same page given every feature plus one with `setData` → that marker drawn. */
  rebuildMs: number;
  sourceCalls: { setData: number; updateData: number };
}

/**
 * Page load → map idle with `ON_MAP` incidents, three times, then one live incident on the
 * same page: from its websocket event arriving (and from the POST) to its marker drawn, counting
 * the source's `setData` (a rebuild) and `updateData` (a diff) calls; then, as the baseline, one
 * more incident given to the source by a full `setData` of every feature, to its marker drawn. `base` is a running console whose
 * database the caller seeded with `seedBrowserIncidents`.
 */
export async function benchMapInBrowser(base: string): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
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
    const idle = () =>
      page.waitForFunction(
        (count) => {
          type M = { loaded(): boolean; isSourceLoaded(s: string): boolean; areTilesLoaded(): boolean };
          const g = globalThis as unknown as { borderMap?: M; document: { querySelector(s: string): unknown } };
          const map = g.borderMap;
          return Boolean(
            g.document.querySelector(`[data-testid=map-answer][data-count="${count}"]`) &&
            map?.loaded() &&
            map.isSourceLoaded('incidents') &&
            map.areTilesLoaded(),
          );
        },
        ON_MAP,
        { timeout: 60_000, polling: 20 },
      );
    const loads: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(`${base}/#/map`);
      await idle();
      if (i > 0) loads.push(performance.now() - t0); // the first load fills the browser's cache of the app's files
      console.log(`  map load ${i}: ${(performance.now() - t0).toFixed(0)} ms${i === 0 ? ' (cold, not counted)' : ''}`);
    }

    // One live incident near Tijuana, zoomed in enough to draw it on its own.
    await page.evaluate(() => {
      type M = {
        jumpTo(o: object): void;
        getSource(id: string): Record<string, (...a: unknown[]) => unknown>;
      };
      const g = globalThis as unknown as { borderMap: M; sourceCalls: Record<string, number> };
      g.borderMap.jumpTo({ center: [-117.03, 32.54], zoom: 13 });
      const source = g.borderMap.getSource('incidents');
      g.sourceCalls = { setData: 0, updateData: 0 };
      for (const name of ['setData', 'updateData']) {
        const original = source[name]!.bind(source);
        source[name] = (...args: unknown[]) => {
          g.sourceCalls[name]!++;
          return original(...args);
        };
      }
    });
    await idle();
    // Watch for the new incident from before it exists: resolves when a marker with that id is drawn.
    await page.evaluate(() => {
      type M = { queryRenderedFeatures(o: object): Array<{ properties: { id?: string } }> };
      const g = globalThis as unknown as {
        borderMap: M;
        drawnAt: Record<string, number>;
        watchDrawn(id: string): Promise<number>;
        requestAnimationFrame(f: () => void): void;
        performance: { now(): number };
      };
      g.drawnAt = {};
      g.watchDrawn = (id) =>
        new Promise<number>((resolve) => {
          const started = g.performance.now();
          const check = () => {
            const drawn = g.borderMap
              .queryRenderedFeatures({ layers: ['incidents'] })
              .some((f) => f.properties.id === id);
            if (drawn) resolve((g.drawnAt[id] = g.performance.now()));
            else if (g.performance.now() - started > 60_000) resolve(-1);
            else g.requestAnimationFrame(check);
          };
          check();
        });
    });
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
        const arrived = (globalThis as unknown as { liveArrivals: Record<string, number> }).liveArrivals[incidentId];
        return drawn < 0 ? (arrived === undefined ? -2 : -3) : arrived === undefined ? -1 : drawn - arrived;
      },
      { incidentId: id, drawn: drawnAt },
    );
    const sourceCalls = await page.evaluate(
      () => (globalThis as unknown as { sourceCalls: { setData: number; updateData: number } }).sourceCalls,
    );

    // Baseline, same page: the same kind of change as a full rebuild, `setData` with every feature plus one.
    const rebuildMs = await page.evaluate(async () => {
      type Source = { getData(): Promise<{ features: unknown[] }>; setData(d: object): unknown };
      const g = globalThis as unknown as {
        borderMap: { getSource(id: string): Source };
        watchDrawn(id: string): Promise<number>;
        performance: { now(): number };
      };
      const source = g.borderMap.getSource('incidents');
      const { features } = await source.getData();
      const id = `bench-rebuild-${Date.now()}`;
      const feature = {
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [-117.029, 32.539] },
        properties: {
          id,
          type: 'drowning',
          severity: 'critical',
          status: 'reported',
          occurredAt: new Date().toISOString(),
          mechanismId: 'san-diego-tijuana',
          exercise: false,
        },
      };
      const started = g.performance.now();
      source.setData({ type: 'FeatureCollection', features: [feature, ...features] });
      const drawn = await g.watchDrawn(id);
      return drawn < 0 ? -1 : drawn - started;
    });
    return { loads, liveMs, postToDrawnMs, rebuildMs, sourceCalls };
  } finally {
    await browser.close();
  }
}

/** `ON_MAP` open incidents over the last 6.5 days: all of them in the map's default view. */
export async function seedBrowserIncidents(postgresUrl: string): Promise<void> {
  const config = loadConfig({ ...process.env, DATABASE_URL: postgresUrl, LOG_LEVEL: 'warn', SEED_DEMO: '1' });
  const database = await openPreparedDatabase(config, { seed: true, demo: true });
  try {
    await seedSyntheticIncidents(database.db, { count: ON_MAP, now: new Date(), days: 6.5 });
  } finally {
    await database.close();
  }
}

export const mapBenchSizes = { STORED, ON_MAP };
