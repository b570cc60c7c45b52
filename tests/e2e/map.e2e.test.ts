import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Port } from '@shared/reference/contract.js';
import { portColour } from '@client/features/reference/map/colours.js';
import { basemapColours } from '@client/lib/map/basemap-colours.js';
import { describeInBrowser, E2E_TIMEOUT_MS, newSignedInPage, serverAndBrowser } from './support/browser.js';
import { analysePng, hexToRgb } from './support/pixels.js';

/** Screenshots the map until the basemap has drawn (WebGL paints a few frames after load). */
async function drawnMap(page: Page) {
  const map = page.getByTestId('border-map');
  await map.locator('canvas').waitFor();
  // The legend floats over the map and has a port-coloured swatch: don't mistake it for a port.
  const legend = (await page.locator('.map-legend').boundingBox())!;
  const box = (await map.boundingBox())!;
  const exclude = [{ x: legend.x - box.x, y: legend.y - box.y, width: legend.width, height: legend.height }];
  for (let attempt = 0; ; attempt++) {
    const report = await analysePng(
      page,
      await map.screenshot(),
      hexToRgb(basemapColours.water),
      hexToRgb(portColour),
      exclude,
    );
    if ((report.nonBackgroundShare > 0.2 && report.targetCentres.length > 0) || attempt === 20) return report;
    await page.waitForTimeout(500);
  }
}

describeInBrowser('border map (browser)', () => {
  const env = serverAndBrowser();

  it(
    'signs in, switches to Spanish for good, draws the basemap, opens a port popup and signs out',
    async () => {
      const page = await newSignedInPage(env.browser, env.server.url, 'supervisor.us');

      await page.getByTestId('language-es').click();
      await expect.poll(() => page.getByTestId('sign-out').textContent()).toBe('Cerrar sesión');
      await page.reload();
      await expect.poll(() => page.getByTestId('sign-out').textContent()).toBe('Cerrar sesión');
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await page.getByRole('navigation').textContent()).toContain('Mesa central');

      await page.goto(`${env.server.url}/#/map`);
      const report = await drawnMap(page);
      // Land, water, borders and overlays: far from a blank or single-colour canvas.
      expect(report.nonBackgroundShare).toBeGreaterThan(0.2);
      expect(report.distinctColours).toBeGreaterThan(30);
      expect(report.targetCentres.length).toBeGreaterThan(0);

      const marker = report.targetCentres[0]!;
      await page.getByTestId('border-map').click({ position: marker });
      const popup = page.getByTestId('port-popup');
      await popup.waitFor({ timeout: 5_000 });
      const text = (await popup.textContent()) ?? '';
      const ports = (await (await page.request.get(`${env.server.url}/api/ports`)).json()) as Port[];
      expect(ports.some((port) => text.includes(port.usName) && text.includes(port.mxName))).toBe(true);
      expect(text).toContain('Puerto de entrada');
      expect(text).toContain('Husos horarios');

      await page.getByTestId('sign-out').click();
      await page.getByTestId('sign-in-form').waitFor();
      await page.reload();
      await page.getByTestId('sign-in-form').waitFor();
      expect(await page.getByTestId('sign-in-form').textContent()).toContain('Iniciar sesión');
    },
    E2E_TIMEOUT_MS,
  );
});
