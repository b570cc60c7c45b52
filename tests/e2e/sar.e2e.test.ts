import { expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Incident } from '@shared/incidents/contract.js';
import type { SarOperation } from '@shared/sar/contract.js';
import {
  describeInBrowser,
  desktop,
  E2E_TIMEOUT_MS,
  markPage,
  newSignedInPage,
  pageWasNotReloaded,
  phone,
  serverAndBrowser,
  waitUntilLive,
} from './support/browser.js';
import { ARTIFACTS, horizontalOverflow, saveScreenshot, seriousAxeViolations } from './support/audit.js';

const LONG_TIMEOUT_MS = 3 * E2E_TIMEOUT_MS;

/** Reports an incident near Tijuana (the San Diego – Tijuana mechanism) through the API, as the page's user. */
async function reportThrough(page: Page, baseUrl: string, over: Record<string, unknown> = {}): Promise<Incident> {
  const res = await page.request.post(`${baseUrl}/api/incidents`, {
    data: {
      type: 'migrant_distress',
      severity: 'high',
      summary: 'Group of five lost east of Otay Mountain',
      location: { lat: 32.58, lon: -116.85 },
      occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      ...over,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as Incident;
}

const at = async (element: Locator, [fx, fy]: [number, number]) => {
  const box = (await element.boundingBox())!;
  return { x: box.width * fx, y: box.height * fy };
};

/** Clicks the map of the drawing component at fractions of its size. */
async function clickMap(page: Page, testId: string, points: Array<[number, number]>) {
  const canvas = page.getByTestId(testId).locator('canvas');
  await canvas.waitFor();
  await canvas.scrollIntoViewIfNeeded();
  // The map takes clicks once its style has loaded: the first corner shows when it has.
  const [first, ...rest] = points;
  await expect
    .poll(
      async () => {
        await canvas.click({ position: await at(canvas, first!) });
        return page.getByTestId('polygon-vertex').count();
      },
      { timeout: 15_000, interval: 1000 },
    )
    .toBeGreaterThan(0);
  // Any extra corner from a retried first click goes.
  while ((await page.getByTestId('polygon-vertex').count()) > 1)
    await page.getByRole('button', { name: 'Undo last corner' }).click();
  for (const point of rest) await canvas.click({ position: await at(canvas, point) });
}

describeInBrowser('search and rescue on the incident page (browser)', () => {
  const env = serverAndBrowser();

  it(
    'liaison.sandiego opens an operation, adds a team, draws a sector and marks it searched; consul.tijuana, reading Spanish, sees it live',
    async () => {
      const us = await newSignedInPage(env.browser, env.server.url, 'liaison.sandiego');
      const mx = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', { language: 'es' });
      const incident = await reportThrough(us, env.server.url);

      await mx.goto(`${env.server.url}/#/incidents/${incident.id}`);
      const mxPanel = mx.getByTestId('sar-panel');
      await mxPanel.getByRole('heading', { name: 'Búsqueda y rescate' }).waitFor();
      await mxPanel.getByText('Este incidente no tiene operación de búsqueda y rescate.').waitFor();
      await Promise.all([waitUntilLive(us), waitUntilLive(mx)]);
      await markPage(mx);

      await us.goto(`${env.server.url}/#/incidents/${incident.id}`);
      const panel = us.getByTestId('sar-panel');
      await panel.getByRole('textbox', { name: 'Objective (optional)' }).fill('Five missing, last seen at dusk');
      await panel.getByTestId('sar-open').click();
      await panel.getByTestId('sar-status').filter({ hasText: 'Under way' }).waitFor();

      const teamForm = panel.getByTestId('sar-team-form');
      await teamForm.getByRole('combobox', { name: 'Kind' }).selectOption('borstar');
      await teamForm.getByRole('textbox', { name: 'Name' }).fill('BORSTAR San Diego');
      await teamForm.getByTestId('sar-add-team').click();
      await panel.getByTestId('sar-teams').getByText('BORSTAR San Diego').waitFor();

      await panel.getByTestId('sar-draw-sector').click();
      const sectorForm = panel.getByTestId('sar-sector-form');
      await sectorForm.getByTestId('sar-sector-name').fill('A1');
      await sectorForm.getByTestId('sar-sector-team').selectOption({ label: 'BORSTAR San Diego (U.S.)' });
      await clickMap(us, 'sar-sector-draw-map', [
        [0.3, 0.3],
        [0.7, 0.3],
        [0.7, 0.7],
        [0.3, 0.7],
      ]);
      await sectorForm.getByRole('button', { name: 'Close outline' }).click();
      await sectorForm
        .getByTestId('polygon-draw-status')
        .filter({ hasText: 'Outline closed with 4 corners' })
        .waitFor();
      await sectorForm.getByTestId('sar-save-sector').click();
      const sector = panel.getByTestId('sar-sector').filter({ hasText: 'A1' });
      await sector.getByTestId('sector-status').filter({ hasText: 'Assigned' }).waitFor();
      await sector.getByTestId('sector-mark-searched').click();
      await sector.getByTestId('sector-status').filter({ hasText: 'Searched' }).waitFor();

      // The Spanish reader's page follows without a reload: the team, the sector and its status.
      await mxPanel.getByTestId('sar-status').filter({ hasText: 'En curso' }).waitFor({ timeout: 10_000 });
      await mxPanel.getByTestId('sar-teams').getByText('BORSTAR San Diego').waitFor();
      const mxSector = mxPanel.getByTestId('sar-sector').filter({ hasText: 'A1' });
      await mxSector.getByTestId('sector-status').filter({ hasText: 'Rastreado' }).waitFor({ timeout: 10_000 });
      await mxPanel.getByTestId('sector-label').filter({ hasText: 'A1 · Rastreado' }).waitFor();
      expect(await mxPanel.locator('.sar-legend').textContent()).toContain('Despejado');
      // …and the incident's timeline shows the steps in Spanish.
      await mx.getByTestId('timeline').getByText('actualizó un sector de búsqueda').waitFor({ timeout: 10_000 });
      expect(await pageWasNotReloaded(mx)).toBe(true);

      const operation = (await (
        await us.request.get(`${env.server.url}/api/incidents/${incident.id}/sar`)
      ).json()) as SarOperation;
      expect(operation.sectors).toEqual([expect.objectContaining({ name: 'A1', status: 'searched' })]);
      expect(operation.sectors[0]!.polygon.coordinates[0]).toHaveLength(5);
    },
    LONG_TIMEOUT_MS,
  );

  it.each([
    ['en', 'desktop'],
    ['es', 'desktop'],
    ['en', 'phone'],
    ['es', 'phone'],
  ] as const)(
    'an exercise incident with its operation in %s at %s size: marked, nothing off the screen, no serious axe violation (screenshots saved)',
    async (language, size) => {
      const username = language === 'es' ? 'consul.tijuana' : 'liaison.sandiego';
      const page = await newSignedInPage(env.browser, env.server.url, username, {
        language,
        viewport: size === 'phone' ? phone : desktop,
      });
      const incident = await reportThrough(page, env.server.url, { exercise: true });
      const base = `${env.server.url}/api/incidents/${incident.id}/sar`;
      await page.request.post(base, { data: { note: 'Drill: two hikers overdue' } });
      const team = (await (
        await page.request.post(`${base}/teams`, {
          data: { kind: 'grupo_beta', side: 'MX', name: 'Grupo Beta Tecate' },
        })
      ).json()) as SarOperation;
      await page.request.post(`${base}/assets`, {
        data: { kind: 'dog', description: 'K-9 unit Luna', teamId: team.teams[0]!.id },
      });
      const square = (lon: number, lat: number) => ({
        type: 'Polygon',
        coordinates: [
          [
            [lon, lat],
            [lon + 0.03, lat],
            [lon + 0.03, lat + 0.02],
            [lon, lat + 0.02],
            [lon, lat],
          ],
        ],
      });
      const withSectors = [
        ['North wash', square(-116.88, 32.58)],
        ['South ridge', square(-116.85, 32.56)],
      ] as const;
      let last: SarOperation | null = null;
      for (const [name, polygon] of withSectors)
        last = (await (await page.request.post(`${base}/sectors`, { data: { name, polygon } })).json()) as SarOperation;
      await page.request.patch(`${base}/sectors/${last!.sectors[0]!.id}`, { data: { status: 'cleared' } });

      await page.goto(`${env.server.url}/#/incidents/${incident.id}`);
      const panel = page.getByTestId('sar-panel');
      await panel.getByTestId('sector-label').first().waitFor();
      await panel.locator('canvas').first().waitFor();
      const mark = language === 'es' ? 'SIMULACRO' : 'EXERCISE';
      expect(await page.locator('.page-header').getByTestId('exercise-badge').textContent()).toBe(mark);
      expect(await panel.getByTestId('sar-exercise-badge').textContent()).toBe(mark);
      await page.getByTestId('exercise-notice').waitFor();

      const problems: string[] = [];
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`runs ${overflow}px off the right edge`);
      for (const v of await seriousAxeViolations(page))
        problems.push(`${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await saveScreenshot(page, `sar-incident-${language}-${size}`);
      // The page scrolls inside the shell: the panel's top and bottom as the reader sees them.
      await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${ARTIFACTS}/sar-panel-top-${language}-${size}.png` });
      await panel.evaluate((element) => element.scrollIntoView({ block: 'end' }));
      await page.screenshot({ path: `${ARTIFACTS}/sar-panel-end-${language}-${size}.png` });
      await page.goto(`${env.server.url}/#/incidents`);
      await page.getByTestId('exercise-badge').first().waitFor();
      await saveScreenshot(page, `sar-feed-exercise-${language}-${size}`);
      await page.goto(`${env.server.url}/#/incidents/new`);
      await page.getByTestId('exercise-checkbox').check();
      await saveScreenshot(page, `sar-report-exercise-${language}-${size}`);
      expect(problems).toEqual([]);
    },
    LONG_TIMEOUT_MS,
  );
});
