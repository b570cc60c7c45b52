import { mkdir, readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { clusterColours } from '@client/features/incidents/map/colours.js';
import { basemapColours } from '@client/lib/map/basemap-colours.js';
import { seedSyntheticIncidents } from '@seeds/synthetic-incidents.js';
import { signIn as apiSignIn } from '../helpers/app.js';
import { describeInBrowser, markPage, pageWasNotReloaded, serverAndBrowser, waitUntilLive } from './support/browser.js';
import {
  countInView,
  newMapPage,
  recordTileRequests,
  renderedIncidentCount,
  tilesInView,
  waitForMapIdle,
  type MapProbeWindow,
} from './support/operations-map.js';
import { analysePng, hexToRgb } from './support/pixels.js';

const INCIDENTS = 50_000;
const ARTIFACTS = 'test-results/operations-map';

const shot = (page: Page, name: string) => page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
const mapView = (page: Page) =>
  page.evaluate(() => {
    const map = (globalThis as unknown as MapProbeWindow).borderMap!;
    const { lng, lat } = map.getCenter();
    return { lng, lat, zoom: map.getZoom() };
  });

/**
 * Clusters (by their point_count) and single markers account for the incidents in view. A
 * symbol whose anchor sits on the very edge of the view can be left out of the collision
 * index that `queryRenderedFeatures` reads, so one in a thousand may go uncounted.
 */
function expectAccountedFor(rendered: number, inView: number) {
  expect(rendered).toBeLessThanOrEqual(inView);
  expect(inView - rendered).toBeLessThanOrEqual(Math.ceil(inView / 1000));
}

describeInBrowser('operations map with 50,000 incidents (browser)', () => {
  // Written straight into the database before the server starts: all open, all in the last week (the default view).
  const env = serverAndBrowser({
    seed: (database, now) => seedSyntheticIncidents(database.db, { count: INCIDENTS, now, days: 6.5 }).then(() => {}),
  });

  it('clusters 50,000 incidents from tiles, filters by type in the URL refetching only the tiles in view, reloads to the same view, opens area statistics and sees a new incident and a change live without a refetch', async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    const page = await newMapPage(env.browser, env.server.url, 'supervisor.mx');
    await waitUntilLive(page);

    // The page draws from tiles: the only GeoJSON it asks for is the panel's count.
    const geojsonAtLoad: URL[] = [];
    page.on('request', (r) => r.url().includes('incidents.geojson') && geojsonAtLoad.push(new URL(r.url())));
    // Signing in opens the map (once its code has loaded): a reload loads it again with the listener in place.
    await page.waitForURL(/#\/map/);
    const started = Date.now();
    await page.reload();
    await waitForMapIdle(page, INCIDENTS);
    console.log(`operations map: page → idle with ${INCIDENTS} incidents in ${Date.now() - started} ms`);
    expect(geojsonAtLoad.length).toBeGreaterThan(0);
    expect(geojsonAtLoad.every((url) => url.searchParams.get('limit') === '1')).toBe(true);
    await shot(page, '1-clusters');

    // Clusters: the rendered-features API accounts for every incident, and the pixels show cluster colour.
    const positions = async (query: string) =>
      (
        (await (await page.request.get(`${env.server.url}/api/incidents.geojson?${query}`)).json()).features as Array<{
          geometry: { coordinates: [number, number] };
        }>
      ).map((f) => f.geometry.coordinates);
    const everyIncident = await positions('');
    expect(everyIncident).toHaveLength(INCIDENTS);
    const inView = await countInView(page, everyIncident);
    expect(inView).toBeGreaterThan(INCIDENTS * 0.98);
    const rendered = await renderedIncidentCount(page);
    expect(rendered.clusters).toBeGreaterThan(5);
    expectAccountedFor(rendered.total, inView);
    // Each cluster is labelled with its count ("1.2k" past a thousand).
    expect(rendered.labelled).toBe(rendered.clusters);
    expect(rendered.labelsRight).toBe(true);
    const map = page.getByTestId('border-map');
    const report = await analysePng(
      page,
      await map.screenshot(),
      hexToRgb(basemapColours.water),
      hexToRgb(clusterColours.large),
      [],
    );
    expect(report.targetCentres.length).toBeGreaterThan(0);

    // A type filter: in the URL, and the map holds exactly what the API answers for it. Only the
    // tiles in view are fetched again, each once, all with the new filter.
    const tilesAsked = recordTileRequests(page);
    const needed = await tilesInView(page);
    await page.getByTestId('filter-type').locator('input[value=drowning]').click();
    await expect.poll(() => page.url()).toContain('type=drowning');
    const drowningPositions = await positions('type=drowning');
    const drowning = drowningPositions.length;
    expect(drowning).toBeGreaterThan(100);
    expect(drowning).toBeLessThan(INCIDENTS / 5);
    await waitForMapIdle(page, drowning);
    expectAccountedFor((await renderedIncidentCount(page)).total, await countInView(page, drowningPositions));
    expect(tilesAsked.map((t) => t.tile).sort()).toEqual([...needed].sort());
    expect(tilesAsked.every((t) => t.query.get('type') === 'drowning')).toBe(true);

    // The export is loaded when asked for: every drowning, one CSV row each, under the header.
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(drowning + 1);
    expect(await page.getByTestId('export-cut').count()).toBe(0);

    // A view of its own (the Altar Valley), then reload: the same filter, centre and zoom.
    await page.evaluate(() =>
      (globalThis as unknown as MapProbeWindow).borderMap!.jumpTo({ center: [-111.45, 31.65], zoom: 7.5 }),
    );
    await expect.poll(() => page.url()).toContain('zoom=7.5');
    const before = await mapView(page);
    const url = page.url();
    await shot(page, '2-filtered');
    await page.reload();
    await waitForMapIdle(page, drowning);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('filter-type').locator('input[value=drowning]').isChecked()).toBe(true);
    expect(await page.getByTestId('filter-type').locator('input[value=death]').isChecked()).toBe(false);
    const after = await mapView(page);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(after.lng).toBeCloseTo(before.lng, 3);
    expect(after.lat).toBeCloseTo(before.lat, 3);

    // An area's statistics, opened from its popup (reached from the list of features in view).
    const features = page.getByTestId('features-in-view');
    await features.locator('summary').click();
    await features
      .getByRole('button', { name: /Altar Valley/ })
      .first()
      .click();
    const stats = page.waitForResponse((r) => r.url().includes('/api/areas/altar-valley-west-of-nogales/stats'));
    await page.getByTestId('area-stats-open').click();
    const answer = await (await stats).json();
    expect(new URL((await stats).url()).searchParams.get('type')).toBe('drowning');
    expect(answer.total).toBeGreaterThan(0);
    const panel = page.getByTestId('area-stats');
    await expect
      .poll(() => panel.getByTestId('area-stats-total').getAttribute('data-total'))
      .toBe(String(answer.total));
    expect(await panel.textContent()).toContain('Drowning');
    expect(await panel.getByTestId('month-chart').locator('rect').count()).toBe(answer.byMonth.length);
    expect(page.url()).toContain('area=altar-valley-west-of-nogales');
    await shot(page, '3-area-statistics');

    // Live: a drowning reported near Tijuana appears on this map without a reload or a refetch of the rest.
    await page.evaluate(() =>
      (globalThis as unknown as MapProbeWindow).borderMap!.jumpTo({ center: [-117.03, 32.54], zoom: 13 }),
    );
    await waitForMapIdle(page, drowning);
    await markPage(page);
    const tilesAfter = recordTileRequests(page);
    const geojsonRequests: string[] = [];
    page.on('request', (r) => r.url().includes('incidents.geojson') && geojsonRequests.push(r.url()));
    const liaison = await apiSignIn(env.server.app, 'liaison.sandiego');
    const created = await env.server.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie: liaison },
      payload: {
        type: 'drowning',
        severity: 'critical',
        summary: 'Person swept away at the Tijuana River channel',
        location: { lat: 32.541, lon: -117.031 },
        occurredAt: new Date().toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await page.waitForFunction(
      (incidentId) =>
        (globalThis as unknown as MapProbeWindow)
          .borderMap!.queryRenderedFeatures({ layers: ['incidents-live'] })
          .some((f) => f.properties.id === incidentId),
      id,
      { timeout: 15_000, polling: 50 },
    );
    await page.locator(`[data-testid=map-answer][data-count="${drowning + 1}"]`).waitFor();
    expect(tilesAfter).toEqual([]);
    expect(geojsonRequests).toEqual([]);
    expect(await pageWasNotReloaded(page)).toBe(true);
    await shot(page, '4-live-incident');

    // A changed incident the tiles drew: its live copy (the new severity) takes its tile copy's place.
    const target = (
      (
        await (
          await page.request.get(
            `${env.server.url}/api/incidents.geojson?type=drowning&mechanism=san-diego-tijuana&limit=2`,
          )
        ).json()
      ).features as Array<{ id: string; geometry: { coordinates: [number, number] } }>
    ).find((f) => f.id !== id);
    await page.evaluate(
      (center) => (globalThis as unknown as MapProbeWindow).borderMap!.jumpTo({ center, zoom: 14 }),
      target!.geometry.coordinates,
    );
    await waitForMapIdle(page, drowning + 1);
    const drawnOnTiles = () =>
      page.evaluate(
        (incidentId) =>
          (globalThis as unknown as MapProbeWindow)
            .borderMap!.queryRenderedFeatures({ layers: ['incidents'] })
            .filter((f) => f.properties.id === incidentId)
            .map((f) => ({ hidden: f.state.live === true })),
        target!.id,
      );
    expect(await drawnOnTiles()).toEqual([{ hidden: false }]);
    const tilesForChange = recordTileRequests(page);
    const read = await env.server.app.inject({ url: `/api/incidents/${target!.id}`, headers: { cookie: liaison } });
    expect(read.statusCode, read.body).toBe(200);
    const current = read.json() as { severity: string; version: number };
    const severity = current.severity === 'low' ? 'high' : 'low';
    const changed = await env.server.app.inject({
      method: 'PATCH',
      url: `/api/incidents/${target!.id}`,
      headers: { cookie: liaison },
      payload: { version: current.version, severity },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await page.waitForFunction(
      ({ incidentId, severity }) =>
        (globalThis as unknown as MapProbeWindow)
          .borderMap!.queryRenderedFeatures({ layers: ['incidents-live'] })
          .some((f) => f.properties.id === incidentId && f.properties.severity === severity),
      { incidentId: target!.id, severity },
      { timeout: 15_000, polling: 50 },
    );
    await expect.poll(drawnOnTiles).toEqual([{ hidden: true }]);
    expect(tilesForChange).toEqual([]);
    // The panel's count may hold the changed incident or not (a cut list): only it loads again.
    expect(geojsonRequests.every((url) => new URL(url).searchParams.get('limit') === '1')).toBe(true);
  }, 180_000);
});
