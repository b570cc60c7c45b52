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
  }>;
}

export interface MapProbeWindow {
  borderMap?: PageMap;
  /** When the page's websocket received each incident event, by incident id. */
  liveArrivals?: Record<string, number>;
  sourceCalls?: { setData: number; updateData: number };
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

/** Every incident the map draws in view: clusters count what they hold, each cluster once. */
export function renderedIncidentCount(page: Page): Promise<{ clusters: number; singles: number; total: number }> {
  return page.evaluate(() => {
    const map = (globalThis as unknown as MapProbeWindow).borderMap!;
    const clusters = new Map<unknown, number>();
    for (const f of map.queryRenderedFeatures({ layers: ['incident-clusters'] }))
      clusters.set(f.properties.cluster_id, Number(f.properties.point_count));
    const singles = new Set(map.queryRenderedFeatures({ layers: ['incidents'] }).map((f) => f.properties.id));
    const inClusters = [...clusters.values()].reduce((s, n) => s + n, 0);
    return { clusters: clusters.size, singles: singles.size, total: inClusters + singles.size };
  });
}

/** Counts `setData` and `updateData` calls on the incidents source from now on. */
export function countSourceCalls(page: Page): Promise<void> {
  return page.evaluate(() => {
    const g = globalThis as unknown as MapProbeWindow;
    const source = g.borderMap!.getSource('incidents');
    const calls = { setData: 0, updateData: 0 };
    g.sourceCalls = calls;
    for (const name of ['setData', 'updateData'] as const) {
      const original = source[name]!.bind(source);
      source[name] = (...args: unknown[]) => {
        calls[name]++;
        return original(...args);
      };
    }
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
