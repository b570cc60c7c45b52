import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { MechanismSummary } from '@shared/liaison/contract.js';
import type { AreaCollection, Port, Station } from '@shared/reference/contract.js';
import { basemapColours } from '@client/lib/map/basemap-colours.js';
import { boundsOf } from '@client/lib/map/geojson.js';
import { saveScreenshot, seriousAxeViolations } from './support/audit.js';
import {
  chooseLanguage,
  describeInBrowser,
  E2E_TIMEOUT_MS,
  newSignedInPage,
  phone,
  serverAndBrowser,
  type PageOptions,
} from './support/browser.js';
import { analysePng, hexToRgb } from './support/pixels.js';

/** The town label layers of the offline basemap (lib/map/basemap.ts). */
const TOWN_LAYERS = ['towns-1', 'towns-2', 'towns-3', 'towns-4'];
/** Town names are drawn in this colour (lib/map/basemap.ts). */
const TOWN_TEXT = '#2f2a24';

type LngLat = [number, number];

/** What the tests ask of the MapLibre map, in the page (the root tsconfig has no DOM library). */
interface PageMap {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  getZoom(): number;
  getCenter(): { lng: number; lat: number };
  getLayer(id: string): unknown;
  getGlobalState(): Record<string, unknown>;
  jumpTo(options: { center: LngLat; zoom: number }): void;
  project(lngLat: LngLat): { x: number; y: number };
  queryRenderedFeatures(options: { layers: string[] }): Array<{
    properties: Record<string, unknown>;
    layer: { id: string };
    geometry: { type: string; coordinates: unknown };
  }>;
  once(event: string, listener: () => void): void;
  isMoving(): boolean;
}

/**
 * Runs `fn` with the page's map (exposed on its element by MapView for tests). Sent as an
 * expression (the page's CSP refuses `new Function`; DevTools evaluation is not the page's).
 */
function withMap<A, R>(page: Page, fn: (map: PageMap, arg: A) => R, arg: A): Promise<R> {
  const lookup = `document.querySelector('[data-testid=border-map]')?.maplibre`;
  return page.evaluate(`(${fn.toString()})(${lookup}, ${JSON.stringify(arg)})`) as Promise<R>;
}

/** Waits until the map has stopped moving and drawn everything (symbols placed, sources loaded). */
async function idle(page: Page): Promise<void> {
  await page.getByTestId('border-map').locator('canvas').waitFor();
  await expect
    .poll(() => page.evaluate(`Boolean(document.querySelector('[data-testid=border-map]')?.maplibre)`), {
      timeout: 15_000,
    })
    .toBe(true);
  await withMap(
    page,
    (map) =>
      new Promise<void>((resolve) => {
        if (!map.isMoving() && map.loaded() && map.areTilesLoaded()) resolve();
        else map.once('idle', () => resolve());
      }),
    null,
  );
  // Symbol placement fades in over a few frames after idle.
  await page.waitForTimeout(400);
}

const townsDrawn = (page: Page) =>
  withMap(
    page,
    (map, layers) =>
      map
        .queryRenderedFeatures({ layers: layers.filter((id) => map.getLayer(id)) })
        .map((f) => String(f.properties.name)),
    TOWN_LAYERS,
  );

async function jumpTo(page: Page, center: LngLat, zoom: number) {
  await withMap(page, (map, { center, zoom }) => map.jumpTo({ center, zoom }), { center, zoom });
  await idle(page);
}

/** Text pixels around a town's label: dark pixels of the label colour in a box around its point. */
async function textPixelsAround(page: Page, at: LngLat): Promise<number> {
  const point = await withMap(page, (map, at) => map.project(at), at);
  const box = (await page.getByTestId('border-map').boundingBox())!;
  const clip = { x: box.x + point.x - 60, y: box.y + point.y - 14, width: 120, height: 28 };
  const report = await analysePng(
    page,
    await page.screenshot({ clip }),
    hexToRgb(basemapColours.land),
    hexToRgb(TOWN_TEXT),
    [],
  );
  return report.targetCentres.length;
}

async function signedInMap(env: ReturnType<typeof serverAndBrowser>, options: PageOptions = {}) {
  const page = await newSignedInPage(env.browser, env.server.url, 'supervisor.mx', options);
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      elsewhere.push(request.url());
    }
  });
  await page.goto(`${env.server.url}/#/map`);
  await idle(page);
  return { page, elsewhere };
}

const getJson = async <T>(page: Page, url: string) => (await (await page.request.get(url)).json()) as T;

describeInBrowser('offline basemap and map controls (browser)', () => {
  const env = serverAndBrowser();

  it(
    'draws rivers and town names offline, with zoom buttons, scale and attribution, and search flies to Nogales',
    async () => {
      const { page, elsewhere } = await signedInMap(env, { language: 'es' });

      // The whole border: the big cities are named, rivers are drawn.
      const atBorder = await townsDrawn(page);
      expect(atBorder).toEqual(expect.arrayContaining(['Mexicali', 'Ciudad Juárez', 'Reynosa']));
      // Sister cities a few pixels apart at this zoom: one of the pair is named.
      expect(atBorder.some((name) => name === 'Tijuana' || name === 'San Diego')).toBe(true);
      const rivers = await withMap(page, (map) => map.queryRenderedFeatures({ layers: ['rivers'] }).length, null);
      expect(rivers).toBeGreaterThan(0);
      const attribution = page.locator('.maplibregl-ctrl-attrib');
      expect(await attribution.isVisible()).toBe(true);
      expect(await attribution.textContent()).toContain('Natural Earth');
      expect(await attribution.textContent()).toContain('GeoNames');
      await saveScreenshot(page, 'map-basemap-border-es');

      // Border zoom around Tijuana: sister towns by name, and their names drawn as text.
      await jumpTo(page, [-116.9, 32.55], 9);
      const tijuana = await townsDrawn(page);
      expect(tijuana).toEqual(expect.arrayContaining(['Tijuana', 'Tecate']));
      expect(await textPixelsAround(page, [-117.0037, 32.5027])).toBeGreaterThan(0);
      await saveScreenshot(page, 'map-basemap-tijuana-es');

      // At Laredo the Rio Grande is the border: the river is drawn (in its colour) inside the border's band.
      await jumpTo(page, [-99.5, 27.5], 9);
      const map = page.getByTestId('border-map');
      const panel = (await page.locator('.map-side').boundingBox())!;
      const box = (await map.boundingBox())!;
      const river = await analysePng(
        page,
        await map.screenshot(),
        hexToRgb(basemapColours.land),
        hexToRgb(basemapColours.river),
        [{ x: panel.x - box.x, y: panel.y - box.y, width: panel.width, height: panel.height }],
      );
      expect(river.targetCentres.length).toBeGreaterThan(0);
      expect(await townsDrawn(page)).toEqual(expect.arrayContaining(['Laredo', 'Nuevo Laredo']));
      await saveScreenshot(page, 'map-basemap-laredo-es');

      // Zoom buttons (named in the reader's language) and a scale in km and mi.
      const zoomBefore = await withMap(page, (map) => map.getZoom(), null);
      await page.getByRole('button', { name: 'Acercar' }).click();
      await idle(page);
      expect(await withMap(page, (map) => map.getZoom(), null)).toBeCloseTo(zoomBefore + 1, 1);
      await page.getByRole('button', { name: 'Alejar' }).click();
      const scales = await page.locator('.maplibregl-ctrl-scale').allTextContents();
      expect(scales).toHaveLength(2);
      expect(scales.join(' ')).toMatch(/km/);
      expect(scales.join(' ')).toMatch(/mi/);

      // Search by keyboard: type, pick the first suggestion, the map flies there and opens the port.
      const search = page.getByRole('combobox', { name: 'Buscar un lugar' });
      await search.fill('nogales');
      expect(await page.getByRole('option').first().textContent()).toContain('Nogales');
      await search.press('Enter');
      await page.getByTestId('port-popup').waitFor({ timeout: 10_000 });
      await idle(page);
      const ports = await getJson<Port[]>(page, `${env.server.url}/api/ports`);
      const nogales = ports.find((p) => p.usName.startsWith('Nogales'))!;
      const centre = await withMap(page, (map) => map.getCenter(), null);
      // The map centres the place in the part the panel leaves free: within a few km of the port.
      expect(Math.abs(centre.lat - nogales.usLocation.lat)).toBeLessThan(0.1);
      expect(Math.abs(centre.lng - nogales.usLocation.lon)).toBeLessThan(0.2);
      expect(await withMap(page, (map) => map.getZoom(), null)).toBeGreaterThan(9);
      expect(await townsDrawn(page)).toContain('Nogales');
      await saveScreenshot(page, 'map-basemap-search-nogales-es');

      expect(elsewhere).toEqual([]);
      expect((await seriousAxeViolations(page)).map((v) => v.id)).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'opens the high-risk area under a click, not the mechanism area around it, and offers a choice where areas overlap',
    async () => {
      const { page, elsewhere } = await signedInMap(env, { language: 'en' });
      const areas = await getJson<AreaCollection>(page, `${env.server.url}/api/areas`);
      const mechanisms = await getJson<MechanismSummary[]>(page, `${env.server.url}/api/mechanisms`);
      const ports = await getJson<Port[]>(page, `${env.server.url}/api/ports`);
      const stations = await getJson<Station[]>(page, `${env.server.url}/api/stations`);
      const points = [...ports.flatMap((p) => [p.usLocation, p.mxLocation]), ...stations.map((s) => s.location)];

      const inArea = (at: LngLat) => areas.features.filter((a) => booleanPointInPolygon(at, a.geometry));
      const inMechanism = (at: LngLat) =>
        mechanisms.filter((m) => m.area && booleanPointInPolygon(at, m.area)).map((m) => m.id);
      const clearOfPoints = (at: LngLat) => points.every((p) => Math.hypot(p.lon - at[0], p.lat - at[1]) > 0.08);
      // Candidate points of each area: a grid over its extent.
      const candidates = areas.features.flatMap((area) => {
        const [w, s, e, n] = boundsOf(area.geometry)!;
        return Array.from({ length: 81 }, (_, i): LngLat => [
          w + ((e - w) * ((i % 9) + 0.5)) / 9,
          s + ((n - s) * (Math.floor(i / 9) + 0.5)) / 9,
        ]).map((at) => ({ area, at }));
      });

      // One area alone under the pointer, inside a mechanism's area: the area answers.
      const single = candidates.find(
        ({ area, at }) =>
          inArea(at).length === 1 && inArea(at)[0]!.id === area.id && inMechanism(at).length > 0 && clearOfPoints(at),
      );
      expect(single).toBeDefined();
      await clickAt(page, single!.at);
      const areaPopup = page.getByTestId('area-popup');
      await areaPopup.waitFor({ timeout: 5_000 });
      expect(await areaPopup.textContent()).toContain(single!.area.properties.name.en);
      expect(await page.getByTestId('mechanism-popup').count()).toBe(0);
      await saveScreenshot(page, 'map-click-area-en');

      // Two areas overlap (Altar Valley lies in the West Desert zone): a choice of both, no mechanism.
      const overlap = candidates.find(
        ({ at }) => inArea(at).length === 2 && inMechanism(at).length > 0 && clearOfPoints(at),
      );
      expect(overlap).toBeDefined();
      await page.keyboard.press('Escape');
      await clickAt(page, overlap!.at);
      const choice = page.getByTestId('map-choice');
      await choice.waitFor({ timeout: 5_000 });
      const options = await choice.getByRole('button').allTextContents();
      expect(options).toHaveLength(2);
      for (const area of inArea(overlap!.at)) expect(options.join('\n')).toContain(area.properties.name.en);
      await saveScreenshot(page, 'map-click-choice-en');
      await choice.getByRole('button').first().click();
      await page.getByTestId('area-popup').waitFor({ timeout: 5_000 });

      // Outside every high-risk area, the mechanism's area answers "who do I call here".
      const bandOnly = candidates
        .map(({ at }): LngLat => [at[0], at[1] - 0.35])
        .find((at) => inArea(at).length === 0 && inMechanism(at).length > 0 && clearOfPoints(at));
      expect(bandOnly).toBeDefined();
      await clickAt(page, bandOnly!);
      await page.getByTestId('mechanism-popup').waitFor({ timeout: 5_000 });

      expect(elsewhere).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'on a phone the panel leaves the map free and the labels follow the language',
    async () => {
      const { page, elsewhere } = await signedInMap(env, { viewport: phone, language: 'es' });
      const map = (await page.getByTestId('border-map').boundingBox())!;
      const panel = (await page.locator('.map-side').boundingBox())!;
      // Search and two folded summaries: well under a quarter of the map.
      expect(panel.height).toBeLessThan(map.height * 0.25);
      // Every name on the map reads `name_<language>` (lib/map/labels.ts).
      expect(await withMap(page, (map) => map.getGlobalState().language, null)).toBe('es');
      expect(await townsDrawn(page)).toEqual(expect.arrayContaining(['Ciudad Juárez']));
      await saveScreenshot(page, 'map-basemap-phone-es');
      await chooseLanguage(page, 'en');
      await expect.poll(() => withMap(page, (map) => map.getGlobalState().language, null)).toBe('en');
      expect(elsewhere).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );
});

/** Moves the map so `at` is in view at a zoom where areas are large, then clicks it. */
async function clickAt(page: Page, at: LngLat) {
  await jumpTo(page, at, 9);
  const point = await withMap(page, (map, at) => map.project(at), at);
  await page.getByTestId('border-map').click({ position: point });
}
