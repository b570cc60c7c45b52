import type { Browser, Page } from 'playwright-core';
import { newPage, signIn } from './browser.js';

/** What the page-side callbacks use of the map (the root tsconfig has no DOM library). */
export interface PageMap {
  loaded(): boolean;
  isSourceLoaded(id: string): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  once(event: string, listener: () => void): void;
  getSource(id: string): Record<string, (...args: unknown[]) => unknown>;
  queryRenderedFeatures(options: { layers: string[] }): Array<{
    id?: string | number;
    properties: Record<string, unknown>;
    /** The feature's state (`live`: its tile copy gives way to the live source's). */
    state: Record<string, unknown>;
  }>;
}

export interface MapProbeWindow {
  borderMap?: PageMap;
  /** When the page's websocket received each incident event, by incident id. */
  liveArrivals?: Record<string, number>;
}

/**
 * A signed-in page whose map is reachable from tests (`window.borderMap`, see
 * IncidentMapController) and whose websocket notes when each incident event arrives.
 */
export async function newMapPage(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const page = await newPage(browser);
  page.on('pageerror', (error) => console.error(`[${username}] page error:`, error));
  await page.addInitScript(() => {
    const g = globalThis as unknown as {
      localStorage: { setItem(k: string, v: string): void };
      WebSocket: new (url: string) => {
        addEventListener(kind: string, listener: (m: { data: unknown }) => void): void;
      };
      liveArrivals: Record<string, number>;
      performance: { now(): number };
    };
    g.localStorage.setItem('boc.e2e.map', '1');
    g.liveArrivals = {};
    const Native = g.WebSocket;
    g.WebSocket = class extends Native {
      constructor(url: string) {
        super(url);
        this.addEventListener('message', (message) => {
          const match = /"kind":"incident\.(?:created|updated)".*?"incidentId":"([0-9a-f-]{36})"/.exec(
            String(message.data),
          );
          if (match) g.liveArrivals[match[1]!] = g.performance.now();
        });
      }
    } as typeof Native;
  });
  await page.goto(baseUrl);
  await signIn(page, username);
  return page;
}

/** Resolves once the map has its incidents answer (`count` of them, when given) drawn and is idle. */
export async function waitForMapIdle(page: Page, count?: number): Promise<void> {
  const answer = page.getByTestId('map-answer');
  if (count === undefined) await answer.waitFor({ timeout: 60_000 });
  else await page.locator(`[data-testid=map-answer][data-count="${count}"]`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(
    () => {
      const map = (globalThis as unknown as MapProbeWindow).borderMap;
      return Boolean(map && map.loaded() && map.isSourceLoaded('incidents') && map.areTilesLoaded() && !map.isMoving());
    },
    undefined,
    { timeout: 60_000, polling: 50 },
  );
}

/**
 * Every incident the map draws in view: clusters count what they hold, each cluster once, and
 * each cluster's label says its count.
 */
export function renderedIncidentCount(
  page: Page,
): Promise<{ clusters: number; singles: number; total: number; labelled: number; labelsRight: boolean }> {
  return page.evaluate(() => {
    const map = (globalThis as unknown as MapProbeWindow).borderMap!;
    const clusters = new Map<unknown, number>();
    for (const f of map.queryRenderedFeatures({ layers: ['incident-clusters'] }))
      clusters.set(f.properties.cluster_id, Number(f.properties.point_count));
    const labels = new Map<unknown, string>();
    for (const f of map.queryRenderedFeatures({ layers: ['incident-cluster-counts'] }))
      labels.set(f.properties.cluster_id, String(f.properties.point_count_abbreviated));
    const singles = new Set(
      map.queryRenderedFeatures({ layers: ['incidents', 'incidents-live'] }).map((f) => f.properties.id),
    );
    const inClusters = [...clusters.values()].reduce((s, n) => s + n, 0);
    const written = (n: number) =>
      n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
    return {
      clusters: clusters.size,
      singles: singles.size,
      total: inClusters + singles.size,
      labelled: labels.size,
      labelsRight: [...labels].every(
        ([id, text]) => clusters.get(id) === undefined || written(clusters.get(id)!) === text,
      ),
    };
  });
}

/** The tiles the page asks for from now on, as `z/x/y` with their filter (`type`, `severity`, …). */
export function recordTileRequests(page: Page): Array<{ tile: string; query: URLSearchParams }> {
  const asked: Array<{ tile: string; query: URLSearchParams }> = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const tile = /^\/api\/incidents\/tiles\/(\d+\/\d+\/\d+)$/.exec(url.pathname)?.[1];
    if (tile) asked.push({ tile, query: url.searchParams });
  });
  return asked;
}

/** The tiles MapLibre needs for the view as it stands (512-pixel tiles: the zoom's whole part). */
export function tilesInView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (globalThis as unknown as MapProbeWindow).borderMap!;
    const z = Math.floor(map.getZoom());
    const n = 2 ** z;
    const b = map.getBounds();
    const column = (lon: number) => Math.floor(((lon + 180) / 360) * n);
    const row = (lat: number) => {
      const s = Math.sin((lat * Math.PI) / 180);
      return Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
    };
    const tiles: string[] = [];
    for (let x = column(b.getWest()); x <= column(b.getEast()); x++)
      for (let y = row(b.getNorth()); y <= row(b.getSouth()); y++) tiles.push(`${z}/${x}/${y}`);
    return tiles;
  });
}

/** How many of `positions` ([lon, lat]) lie inside the map's current view. */
export async function countInView(page: Page, positions: Array<[number, number]>): Promise<number> {
  const [w, s, e, n] = await page.evaluate(() => {
    const b = (globalThis as unknown as MapProbeWindow).borderMap!.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  });
  return positions.filter(([lon, lat]) => lon >= w! && lon <= e! && lat >= s! && lat <= n!).length;
}
