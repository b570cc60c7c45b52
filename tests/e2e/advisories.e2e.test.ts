import { expect, it } from 'vitest';
import { advisoryColours } from '@client/features/advisories/map/colours.js';
import {
  describeInBrowser,
  E2E_TIMEOUT_MS,
  markPage,
  newSignedInPage,
  pageWasNotReloaded,
  serverAndBrowser,
  signIn,
  waitUntilLive,
} from './support/browser.js';
import { analysePng, hexToRgb } from './support/pixels.js';

describeInBrowser('weather advisories: bilingual publication, live in the other language (browser)', () => {
  const env = serverAndBrowser();

  it(
    'supervisor.us publishes a heat advisory for the Arizona West Desert; supervisor.mx, reading Spanish, sees it arrive live',
    async () => {
      const us = await newSignedInPage(env.browser, env.server.url, 'supervisor.us');
      const mxContext = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'es-MX' });
      const mx = await mxContext.newPage();
      mx.on('pageerror', (error) => console.error('[supervisor.mx] page error:', error));
      await mx.goto(env.server.url);
      await signIn(mx, 'supervisor.mx');
      await mx.goto(`${env.server.url}/#/advisories`);
      await mx.getByRole('heading', { name: 'Avisos meteorológicos' }).waitFor();
      await Promise.all([waitUntilLive(us), waitUntilLive(mx)]);
      await markPage(mx);

      await us.goto(`${env.server.url}/#/advisories`);
      await us.getByRole('button', { name: 'New advisory' }).click();
      const editor = us.locator('form.advisory-editor');
      await editor.locator('select[name=hazard]').selectOption('heat');
      await editor.locator('select[name=severity]').selectOption('extreme');
      await editor.locator('input[name=areaIds][value=az-west-desert-high-risk-zone]').check();
      const english = `Extreme heat in the West Desert ${Date.now()}: carry water, call 911 if lost.`;
      await editor.locator('textarea[name="text.en"]').fill(english);
      await editor.getByRole('button', { name: 'Save draft' }).click();

      // A one-language draft is kept; publishing it is refused with the server's own reason.
      const panel = us.getByTestId('advisory-panel');
      await panel.getByText('Draft', { exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Publish' }).click();
      await expect
        .poll(() => panel.getByTestId('advisory-refusal').textContent())
        .toContain('The Spanish text is required to publish');
      // …and beside the empty Spanish text.
      const spanishField = panel.locator('label.field').filter({ has: us.locator('textarea[name="text.es"]') });
      expect(await spanishField.locator('.field-error').textContent()).toBe('the Spanish text is required to publish');

      // Publishing sends what is on screen: the Spanish text typed is saved, then published.
      const spanish = 'Calor extremo en el Desierto del Oeste: lleve agua y llame al 911 si se pierde.';
      await panel.locator('textarea[name="text.es"]').fill(spanish);
      await panel.getByRole('button', { name: 'Publish' }).click();
      await panel.getByText('Published', { exact: true }).waitFor();
      await panel.locator('blockquote[lang=es]').filter({ hasText: spanish }).waitFor();
      expect(await panel.getByTestId('advisory-refusal').count()).toBe(0);

      const toast = mx.getByTestId('advisory-toast').filter({ hasText: spanish });
      await toast.waitFor({ timeout: 10_000 });
      expect(await toast.textContent()).toContain('Aviso publicado: Calor extremo');
      expect(await toast.textContent()).toContain('Extrema');
      await mx.getByTestId('advisory-item').filter({ hasText: 'Desierto' }).first().waitFor({ timeout: 5_000 });
      expect(await pageWasNotReloaded(mx)).toBe(true);
      // The public CAP feed lists it without a session.
      const feed = await (await fetch(`${env.server.url}/api/advisories.cap`)).text();
      expect(feed).toContain('.cap');
      // On the map, the advisory's area is drawn by the feature's overlay, in its severity's colour.
      await mx.goto(`${env.server.url}/#/map`);
      const map = mx.getByTestId('border-map');
      await map.locator('canvas').waitFor();
      expect(await mx.locator('.map-legend').textContent()).toContain('Avisos meteorológicos');
      const legend = (await mx.locator('.map-legend').boundingBox())!;
      const box = (await map.boundingBox())!;
      const exclude = [{ x: legend.x - box.x, y: legend.y - box.y, width: legend.width, height: legend.height }];
      const outline = hexToRgb(advisoryColours.extreme);
      await expect
        .poll(
          async () => (await analysePng(mx, await map.screenshot(), [0, 0, 0], outline, exclude)).targetCentres.length,
          { timeout: 15_000, interval: 500 },
        )
        .toBeGreaterThan(0);
      await us.screenshot({ path: 'test-results/advisories-us.png' });
      await mx.screenshot({ path: 'test-results/advisories-mx-map.png' });
      await mxContext.close();
    },
    E2E_TIMEOUT_MS,
  );
});
