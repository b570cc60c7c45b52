import { expect, it } from 'vitest';
import {
  describeInBrowser,
  E2E_TIMEOUT_MS,
  markPage,
  newSignedInPage,
  pageWasNotReloaded,
  serverAndBrowser,
  waitUntilLive,
} from './support/browser.js';

describeInBrowser('high-risk areas: a supervisor draws one on the map (browser)', () => {
  const env = serverAndBrowser();

  it(
    'supervisor.mx draws an area by clicking the map, names it in both languages, saves it; another supervisor sees it arrive live',
    async () => {
      const mx = await newSignedInPage(env.browser, env.server.url, 'supervisor.mx');
      const us = await newSignedInPage(env.browser, env.server.url, 'supervisor.us');
      await us.goto(`${env.server.url}/#/areas`);
      await us.getByRole('heading', { name: 'High-risk areas' }).waitFor();
      await waitUntilLive(us);
      await markPage(us);

      await mx.goto(`${env.server.url}/#/areas`);
      await mx.getByRole('button', { name: 'New area' }).click();
      const editor = mx.locator('form.area-editor');
      const map = editor.getByTestId('area-outline-map');
      await map.locator('canvas').waitFor();
      await mx.waitForTimeout(500); // the style's first frame
      const box = (await map.boundingBox())!;
      // Four corners clicked clockwise on the border map; the first corner closes the outline.
      const corners: [number, number][] = [
        [0.3, 0.3],
        [0.5, 0.3],
        [0.5, 0.55],
        [0.3, 0.55],
      ];
      for (const [x, y] of corners) await mx.mouse.click(box.x + box.width * x, box.y + box.height * y);
      const status = editor.getByTestId('polygon-draw-status');
      await expect.poll(() => status.textContent()).toBe('Drawing: 4 corners placed');
      // Undo the last corner and place it again.
      await editor.getByRole('button', { name: 'Undo last corner' }).click();
      await expect.poll(() => status.textContent()).toBe('Drawing: 3 corners placed');
      await mx.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.55);
      await editor.getByRole('button', { name: 'Corner 1' }).click();
      await expect.poll(() => status.textContent()).toBe('Outline closed with 4 corners');
      const outline = JSON.parse((await editor.getByTestId('polygon-geojson').inputValue()) || 'null');
      expect(outline.type).toBe('Polygon');
      expect(outline.coordinates[0]).toHaveLength(5);

      const name = `Drawn wash ${Date.now()}`;
      await editor.locator('input[name="properties.name.en"]').fill(name);
      await editor.locator('input[name="properties.name.es"]').fill(`Arroyo dibujado ${name.slice(11)}`);
      await editor.locator('textarea[name="properties.hazard.en"]').fill('Flash floods after summer storms');
      await editor.locator('textarea[name="properties.hazard.es"]').fill('Crecidas súbitas tras tormentas de verano');
      await editor.locator('select[name="properties.riskLevel"]').selectOption('extreme');
      await editor.getByRole('button', { name: 'Save area' }).click();
      await editor.waitFor({ state: 'detached' });

      const item = mx.getByTestId('area-item').filter({ hasText: name });
      await item.waitFor();
      expect(await item.textContent()).toContain('extreme risk');
      // Live on the other supervisor's page, without a reload.
      await us.getByTestId('area-item').filter({ hasText: name }).waitFor({ timeout: 10_000 });
      expect(await pageWasNotReloaded(us)).toBe(true);
      // And in the collection the map draws, as drawn.
      type Saved = { properties: { name: { en: string }; riskLevel: string }; geometry: { coordinates: unknown[] } };
      const areas = await mx.evaluate(
        async () => ((await (await fetch('/api/areas')).json()) as { features: Saved[] }).features,
      );
      const saved = areas.find((a) => a.properties.name.en === name)!;
      expect(saved.properties.riskLevel).toBe('extreme');
      expect(saved.geometry.coordinates[0]).toEqual(outline.coordinates[0]);
    },
    E2E_TIMEOUT_MS,
  );
});
