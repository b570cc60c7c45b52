import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { AreaCollection, Port, Station } from '@shared/reference/contract.js';
import { boundsOf } from '@client/lib/map/geojson.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { saveScreenshot } from './support/audit.js';
import { desktop, describeInBrowser, newPage, phone, serverAndBrowser, signIn } from './support/browser.js';
import { differingShare } from './support/pixels.js';

type LngLat = [number, number];

/** What the tests ask of the page's map (`window.borderMap`; the root tsconfig has no DOM library). */
interface PageMap {
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getContainer(): { getBoundingClientRect(): Box };
  jumpTo(options: { center: LngLat; zoom: number }): void;
  panBy(offset: [number, number], options: { duration: number }): void;
  project(at: LngLat): { x: number; y: number };
  isMoving(): boolean;
  loaded(): boolean;
  areTilesLoaded(): boolean;
  getLayer(id: string): unknown;
  queryRenderedFeatures(options: { layers: string[] }): Array<{
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: LngLat };
  }>;
}
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The page's globals the tests use. */
interface PageWindow {
  borderMap: PageMap;
  location: { hash: string; assign(url: string): void };
  localStorage: { setItem(key: string, value: string): void };
}

const shot = (page: Page, name: string) => saveScreenshot(page, `map-navigation-${name}`);

const configs = [
  { name: 'en-1280', language: 'en', viewport: desktop },
  { name: 'es-390', language: 'es', viewport: phone },
] as const;

const words = {
  en: { incidents: 'Incidents', areas: 'High-risk areas', sources: 'Sources', stats: 'Statistics and who to call' },
  es: { incidents: 'Incidentes', areas: 'Zonas de riesgo', sources: 'Fuentes', stats: 'Estadísticas y a quién llamar' },
} as const;

/** A signed-in page whose map tests can reach (`window.borderMap`, see IncidentMapController). */
async function mapPage(
  env: ReturnType<typeof serverAndBrowser>,
  options: { language: 'en' | 'es'; viewport: { width: number; height: number } },
) {
  const page = await newPage(env.browser, options);
  page.on('pageerror', (error) => console.error('[map-navigation] page error:', error));
  await page.addInitScript(() => (globalThis as unknown as PageWindow).localStorage.setItem('boc.e2e.map', '1'));
  await page.goto(env.server.url);
  await signIn(page, 'supervisor.mx');
  return page;
}

async function openMap(page: Page, base: string, search: string) {
  await page.goto(`${base}/#/map?${search}`);
  await settled(page);
}

/** Stopped, drawn, and its symbols placed (they fade in over a few frames after idle). */
async function settled(page: Page) {
  await page.waitForFunction(
    () => {
      const map = (globalThis as unknown as { borderMap?: PageMap }).borderMap;
      return Boolean(map && !map.isMoving() && map.loaded() && map.areTilesLoaded());
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  await page.waitForTimeout(400);
}

async function jumpTo(page: Page, center: LngLat, zoom: number) {
  await page.evaluate(({ center, zoom }) => (globalThis as unknown as PageWindow).borderMap.jumpTo({ center, zoom }), {
    center,
    zoom,
  });
  await settled(page);
}

const centre = (page: Page) =>
  page.evaluate(() => ({
    ...(globalThis as unknown as PageWindow).borderMap.getCenter(),
    zoom: (globalThis as unknown as PageWindow).borderMap.getZoom(),
  }));

async function expectMapAt(page: Page, at: LngLat, zoom: number) {
  await expect
    .poll(async () => {
      const c = await centre(page);
      return Math.abs(c.lng - at[0]) < 0.01 && Math.abs(c.lat - at[1]) < 0.01 && Math.abs(c.zoom - zoom) < 0.05;
    })
    .toBe(true);
}

/** Follows a link of the main navigation as a user would (by its hash where a phone folds the bar away). */
async function follow(page: Page, label: string, hash: string) {
  const link = page.getByRole('navigation').getByRole('link', { name: label, exact: true });
  const box = (await link.isVisible()) ? await link.boundingBox() : null;
  const viewport = page.viewportSize()!;
  if (box && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height)
    await link.click();
  else await page.evaluate((hash) => (globalThis as unknown as PageWindow).location.assign(hash), hash);
}

/** Drags the map (it glides on after the release, then says `moveend`) and at once leaves for another page. */
async function dragAndLeave(page: Page, label: string, hash: string) {
  const box = (await page.getByTestId('border-map').boundingBox())!;
  const [x, y] = [box.x + box.width * 0.6, box.y + box.height * 0.6];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 120, y - 60, { steps: 4 });
  await page.mouse.up();
  await follow(page, label, hash);
}

const hashOf = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).location.hash);

/** Names the map draws on a label layer (only those placed, not hidden by a collision). */
const drawnIds = (page: Page, layer: string) =>
  page.evaluate(
    (layer) =>
      (globalThis as unknown as PageWindow).borderMap
        .queryRenderedFeatures({ layers: [layer] })
        .map((f) => String(f.properties.id)),
    layer,
  );

function overlap(a: Box, b: Box) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describeInBrowser('the border map: its URL, names, clusters and popups (browser)', () => {
  const env = serverAndBrowser({
    seed: (database, now) => seedSyntheticIncidents(database.db, { count: 2_000, now, days: 6.5 }).then(() => {}),
  });

  for (const { name, language, viewport } of configs) {
    const say = words[language];

    it(`${name}: leaving the map leaves other pages' URLs alone; back, forward and a pasted link move the map`, async () => {
      const page = await mapPage(env, { language, viewport });
      const base = env.server.url;

      // Dragged, then left at once (to a page whose code is not loaded yet): the map's late `moveend`
      // writes nothing into the next page's URL and does not send the user back to the map.
      for (const [label, hash] of [
        [say.incidents, '#/incidents'],
        [say.areas, '#/areas'],
      ] as const) {
        await openMap(page, base, 'lng=-117&lat=32.55&zoom=8');
        await dragAndLeave(page, label, hash);
        // Past the glide and any late write.
        await page.waitForTimeout(2_000);
        expect(await hashOf(page)).toBe(hash);
      }
      await shot(page, `${name}-left-for-areas`);

      // A pasted link moves the open map; back and forward move it between the two views.
      await openMap(page, base, 'lng=-117&lat=32.55&zoom=9');
      await expectMapAt(page, [-117, 32.55], 9);
      await page.evaluate(() =>
        (globalThis as unknown as PageWindow).location.assign('#/map?lng=-106.45&lat=31.74&zoom=10'),
      );
      await expectMapAt(page, [-106.45, 31.74], 10);
      await settled(page);
      await shot(page, `${name}-pasted-el-paso`);
      await page.goBack();
      await expectMapAt(page, [-117, 32.55], 9);
      await page.goForward();
      await expectMapAt(page, [-106.45, 31.74], 10);

      // Away and back: the map opens where it was left.
      await follow(page, say.incidents, '#/incidents');
      await expect.poll(() => hashOf(page)).toBe('#/incidents');
      await page.waitForTimeout(1_000);
      expect(await hashOf(page)).toBe('#/incidents');
      await page.goBack();
      await settled(page);
      await expectMapAt(page, [-106.45, 31.74], 10);
      await page.close();
    }, 180_000);

    it(`${name}: clusters show their count; ports, Grupo Beta units and stations their names; a cluster click zooms in`, async () => {
      const page = await mapPage(env, { language, viewport });
      await openMap(page, env.server.url, 'lng=-111&lat=31.5&zoom=5.5');
      await settled(page);

      // Every cluster drawn carries its count.
      const clusters = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).borderMap
          .queryRenderedFeatures({ layers: ['incident-clusters'] })
          .map((f) => String(f.properties.cluster_id)),
      );
      const counts = await page.evaluate(() =>
        (globalThis as unknown as PageWindow).borderMap
          .queryRenderedFeatures({ layers: ['incident-cluster-counts'] })
          .map((f) => String(f.properties.cluster_id)),
      );
      expect(clusters.length).toBeGreaterThan(3);
      expect(new Set(counts)).toEqual(new Set(clusters));
      await shot(page, `${name}-clusters`);

      // Around Tijuana at zoom 9 to 11: San Ysidro named, the Grupo Beta unit named, and Tijuana itself.
      const stations = (await (await page.request.get(`${env.server.url}/api/stations`)).json()) as Station[];
      const grupoBetaTijuana = stations.find((s) => s.kind === 'grupo_beta' && s.name.endsWith('Tijuana'))!;
      for (const zoom of [9, 10, 11]) {
        await jumpTo(page, [-117.02, 32.54], zoom);
        expect(await drawnIds(page, 'port-labels')).toContain('san-ysidro');
        expect(await drawnIds(page, 'station-labels')).toContain(grupoBetaTijuana.id);
        const towns = await page.evaluate(() =>
          (globalThis as unknown as PageWindow).borderMap
            .queryRenderedFeatures({ layers: ['towns-1'] })
            .map((f) => String(f.properties.name)),
        );
        expect(towns).toContain('Tijuana');
        await shot(page, `${name}-tijuana-zoom-${zoom}`);
      }
      // A Border Patrol sector, in the reader's word order.
      await jumpTo(page, [-116.97, 32.64], 9);
      expect(await drawnIds(page, 'station-labels')).toContain('border-patrol-san-diego');

      // A click on a cluster zooms into it; it offers no choice of the ports beneath (the one nearest San Ysidro).
      await jumpTo(page, [-117.02, 32.54], 8);
      const map = (await page.getByTestId('border-map').boundingBox())!;
      const cluster = await page.evaluate(() => {
        const map = (globalThis as unknown as PageWindow).borderMap;
        const port = map.project([-117.03, 32.54]);
        return map
          .queryRenderedFeatures({ layers: ['incident-clusters'] })
          .map((f) => map.project(f.geometry.coordinates))
          .sort((a, b) => Math.hypot(a.x - port.x, a.y - port.y) - Math.hypot(b.x - port.x, b.y - port.y))[0];
      });
      expect(cluster).toBeDefined();
      const zoomBefore = (await centre(page)).zoom;
      await page.mouse.click(map.x + cluster!.x, map.y + cluster!.y);
      await expect.poll(async () => (await centre(page)).zoom).toBeGreaterThan(zoomBefore + 0.5);
      await settled(page);
      expect(await page.getByTestId('map-choice').count()).toBe(0);
      expect(await page.locator('.maplibregl-popup').count()).toBe(0);
      await page.close();
    }, 180_000);

    it(`${name}: a popup stays on screen and offers what to do before its sources, folded`, async () => {
      const page = await mapPage(env, { language, viewport });
      await openMap(page, env.server.url, '');
      const areas = (await (await page.request.get(`${env.server.url}/api/areas`)).json()) as AreaCollection;
      const ports = (await (await page.request.get(`${env.server.url}/api/ports`)).json()) as Port[];
      const incidents = (
        (await (await page.request.get(`${env.server.url}/api/incidents.geojson`)).json()) as {
          features: Array<{ geometry: { coordinates: LngLat } }>;
        }
      ).features.map((f) => ({ lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
      const points = [...ports.flatMap((p) => [p.usLocation, p.mxLocation]), ...incidents];
      // A point of one area only, clear of ports and incidents, so the click opens that area's popup.
      const inside = areas.features.flatMap((area) => {
        const [w, s, e, n] = boundsOf(area.geometry)!;
        return Array.from({ length: 49 }, (_, i): LngLat => [
          w + ((e - w) * ((i % 7) + 0.5)) / 7,
          s + ((n - s) * (Math.floor(i / 7) + 0.5)) / 7,
        ]);
      });
      const at = inside.find(
        (p) =>
          areas.features.filter((a) => booleanPointInPolygon(p, a.geometry)).length === 1 &&
          points.every((q) => Math.hypot(q.lon - p[0], q.lat - p[1]) > 0.1),
      )!;
      expect(at).toBeDefined();

      // The point near the map's lower right corner: a popup placed beside it would run off the screen.
      await jumpTo(page, at, 9);
      const map = (await page.getByTestId('border-map').boundingBox())!;
      await page.evaluate(
        ([dx, dy]) => (globalThis as unknown as PageWindow).borderMap.panBy([dx, dy], { duration: 0 }),
        [-(map.width / 2 - 30), -(map.height / 2 - 40)] as [number, number],
      );
      await settled(page);
      const point = await page.evaluate((at) => (globalThis as unknown as PageWindow).borderMap.project(at), at);
      await page.getByTestId('border-map').click({ position: point });
      const popup = page.getByTestId('area-popup');
      await popup.waitFor({ timeout: 10_000 });
      await popup.getByTestId('popup-sources').waitFor();
      await settled(page);

      const box = await page.locator('.maplibregl-popup').evaluate((e) => e.getBoundingClientRect().toJSON() as Box);
      expect(box.left).toBeGreaterThanOrEqual(map.x);
      expect(box.top).toBeGreaterThanOrEqual(map.y);
      expect(box.right).toBeLessThanOrEqual(map.x + map.width);
      expect(box.bottom).toBeLessThanOrEqual(map.y + map.height);
      expect(box.right).toBeLessThanOrEqual(viewport.width);
      await shot(page, `${name}-area-popup`);

      // What to do first (statistics and who to call), the sources last and folded.
      const stats = popup.getByRole('button', { name: say.stats });
      const sources = popup.getByTestId('popup-sources');
      expect(await sources.evaluate((e) => (e as unknown as { open: boolean }).open)).toBe(false);
      expect(await sources.locator('summary').textContent()).toContain(say.sources);
      expect(
        await stats.evaluate(
          (button, details) => Boolean(button.compareDocumentPosition(details!) & 4 /* FOLLOWING */),
          await sources.elementHandle(),
        ),
      ).toBe(true);
      await sources.locator('summary').click();
      await page.waitForTimeout(300);
      await settled(page);
      // Unfolded, the popup scrolls inside itself rather than growing off the map.
      const open = await page.locator('.maplibregl-popup').evaluate((e) => e.getBoundingClientRect().toJSON() as Box);
      expect(open.top).toBeGreaterThanOrEqual(map.y);
      expect(open.bottom).toBeLessThanOrEqual(map.y + map.height);
      await shot(page, `${name}-area-popup-sources`);
      await page.close();
    }, 180_000);
  }

  for (const language of ['en', 'es'] as const) {
    it(`${language}-1280: the statistics panel has room, the scale clears the panels, and the heat map shows`, async () => {
      const page = await mapPage(env, { language, viewport: desktop });
      await openMap(page, env.server.url, 'lng=-111.3&lat=31.6&zoom=8&area=altar-valley-west-of-nogales');
      const panel = page.getByTestId('area-stats');
      await panel.getByTestId('area-stats-total').waitFor({ timeout: 15_000 });
      await settled(page);
      const map = (await page.getByTestId('border-map').boundingBox())!;
      const stats = (await panel.boundingBox())!;
      // On screen from its title down, most of the map's height if it needs it, not three lines.
      expect(stats.y).toBeLessThan(map.y + 80);
      expect(Math.min(stats.y + stats.height, map.y + map.height) - stats.y).toBeGreaterThan(
        Math.min(stats.height, map.height * 0.6),
      );
      const scales = await page
        .locator('.maplibregl-ctrl-scale')
        .evaluateAll((es) => es.map((e) => e.getBoundingClientRect().toJSON() as Box));
      const panels = await page
        .locator('.map-side > *')
        .evaluateAll((es) => es.map((e) => e.getBoundingClientRect().toJSON() as Box));
      expect(scales).toHaveLength(2);
      for (const scale of scales) expect(panels.filter((p) => p.height > 0 && overlap(scale, p))).toEqual([]);
      // The two counts say what each counts.
      const text = (await panel.textContent()) ?? '';
      expect(text).toMatch(language === 'en' ? /whatever (its|their) status/ : /en cualquier estado/);
      expect(text).toMatch(
        language === 'en' ? /Of them, \d+ match(es)? the map’s filters/ : /De ellos, \d+ cumplen? los filtros del mapa/,
      );
      await shot(page, `${language}-1280-statistics`);

      // The density layer changes the map at once: a warm glow where the incidents are.
      await jumpTo(page, [-111, 31.5], 5.5);
      const canvas = page.getByTestId('border-map').locator('canvas');
      const before = await canvas.screenshot();
      // A controlled box: it shows ticked once the URL says so (asserted next), not at the click itself.
      await page.getByTestId('map-filters').locator('input[name=heat]').click();
      await expect.poll(() => page.url()).toContain('heat=1');
      await settled(page);
      const after = await canvas.screenshot();
      expect(await differingShare(page, before, after)).toBeGreaterThan(0.02);
      await shot(page, `${language}-1280-heat`);
      await page.close();
    }, 180_000);
  }
});
