import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  describeInBrowser,
  desktop,
  E2E_TIMEOUT_MS,
  newSignedInPage,
  phone,
  serverAndBrowser,
  type PageOptions,
} from './support/browser.js';

/** Where the screenshots go for a person to look at (test-results/ is not committed). */
const SHOTS = 'test-results/report-place-search';

const sizes = { wide: desktop, phone } as const;

/** What the words on screen are in each language. */
const words = {
  en: {
    search: 'Find a place',
    option: /^Sasabe – El Sásabe/,
    place: 'Place: in Sasabe',
    goesTo: 'The report goes to the Nogales – Nogales mechanism',
    confirm: /^This point is \d+ km from the nearest border town \(.+\)\. Report here anyway\?/,
    send: 'Report here anyway',
  },
  es: {
    search: 'Buscar un lugar',
    option: /^El Sásabe\b.* – Sasabe/,
    place: 'Lugar: en Sasabe',
    goesTo: 'El reporte va al mecanismo Nogales – Nogales',
    confirm: /^Este punto está a \d+ km de la ciudad fronteriza más cercana \(.+\)\. ¿Reportar aquí de todos modos\?/,
    send: 'Reportar aquí de todos modos',
  },
} as const;

/** The picker's MapLibre map (the map element carries it for browser tests), once it has drawn. */
async function pickerView(page: Page) {
  const picker = page.getByTestId('location-picker');
  await picker.locator('canvas').waitFor();
  await expect
    .poll(() => picker.evaluate((el) => Boolean((el as { maplibre?: { loaded(): boolean } }).maplibre?.loaded())))
    .toBe(true);
  return picker.evaluate((el) => {
    const map = (el as unknown as { maplibre: { getCenter(): { lng: number; lat: number }; getZoom(): number } })
      .maplibre;
    const { lng, lat } = map.getCenter();
    return { lon: lng, lat, zoom: map.getZoom() };
  });
}

/** The page's DOM, as much of it as the measurement below uses (the tests compile without the DOM library). */
interface Dom {
  getComputedStyle(
    element: unknown,
  ): Record<'fontWeight' | 'fontSize' | 'fontFamily' | 'paddingLeft' | 'paddingRight', string>;
  document: {
    createElement(tag: 'canvas'): {
      getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
    };
  };
}

/** Whether a select shows its chosen option's whole label: the text fits inside the box beside the arrow. */
function selectShowsWholeLabel(select: { clientWidth: number; selectedOptions: ArrayLike<{ text: string }> }): boolean {
  const { getComputedStyle, document } = globalThis as unknown as Dom;
  const style = getComputedStyle(select);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = context.measureText(select.selectedOptions[0]!.text).width;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20; // the arrow
  return text <= room;
}

/** How long the picker's map may take to arrive somewhere: its camera moves are animated. */
const FLIGHT_MS = 10_000;

describeInBrowser('report form: a place by name, the mechanism before sending (browser)', () => {
  const env = serverAndBrowser();

  for (const language of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(sizes)) {
      it(
        `${language} ${size}: opens on San Diego – Tijuana, finds “Sasabe” by name and names the responsible mechanism before sending`,
        async () => {
          await mkdir(SHOTS, { recursive: true });
          const options: PageOptions = { language, viewport };
          const page = await newSignedInPage(env.browser, env.server.url, 'liaison.sandiego', options);
          const w = words[language];
          await page.goto(`${env.server.url}/#/incidents/new`);
          const form = page.getByTestId('report-form');

          // The San Diego liaison officer's own stretch of the border, not the whole border.
          await expect.poll(async () => (await pickerView(page)).zoom).toBeGreaterThan(6);
          const home = await pickerView(page);
          expect(home.lon).toBeGreaterThan(-117.6);
          expect(home.lon).toBeLessThan(-116);
          expect(home.lat).toBeGreaterThan(32);
          expect(home.lat).toBeLessThan(33.2);

          const search = form.getByRole('combobox', { name: w.search });
          await search.fill('Sasabe');
          const option = form.getByRole('option', { name: w.option });
          await option.waitFor();
          await page.screenshot({ path: `${SHOTS}/${language}-${size}-suggestions.png`, fullPage: false });
          await option.click();

          expect(Number(await form.locator('input[name="location.lat"]').inputValue())).toBeCloseTo(31.48, 1);
          expect(Number(await form.locator('input[name="location.lon"]').inputValue())).toBeCloseTo(-111.54, 1);
          const preview = form.getByTestId('place-preview');
          await expect.poll(() => preview.textContent()).toContain(w.place);
          expect(await form.getByTestId('responsible-mechanism').textContent()).toContain(w.goesTo);
          expect(await form.getByTestId('far-from-towns').count()).toBe(0);
          // The map went there (a flight of a second or two; the default poll gives up after one).
          await expect
            .poll(async () => Math.abs((await pickerView(page)).lon - -111.544), { timeout: FLIGHT_MS })
            .toBeLessThan(0.05);
          await preview.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/${language}-${size}-sasabe.png` });

          // Far from every town (the whole border's middle), the form asks before sending.
          await form.locator('input[name="location.lat"]').fill('30.2');
          await form.locator('input[name="location.lon"]').fill('-107.3');
          await form.getByTestId('far-from-towns').waitFor();
          // The box no longer names Sasabe, and the map follows the typed point once the typing stops.
          expect(await search.inputValue()).toBe('');
          await expect
            .poll(async () => Math.abs((await pickerView(page)).lon - -107.3), { timeout: FLIGHT_MS })
            .toBeLessThan(0.05);
          await form.locator('textarea[name=summary]').fill(`Vehicle rollover reported by radio ${Date.now()}`);
          await page.getByTestId('submit-incident').click();
          const question = page.getByTestId('confirm-far');
          await question.waitFor();
          expect(await question.textContent()).toMatch(w.confirm);
          await question.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/${language}-${size}-far.png` });
          expect(page.url()).toContain('/incidents/new');
          await page.context().close();
        },
        E2E_TIMEOUT_MS,
      );
    }
  }

  it(
    'sends a report placed by name: the incident reads as the form said',
    async () => {
      const page = await newSignedInPage(env.browser, env.server.url, 'liaison.sandiego', { language: 'en' });
      await page.goto(`${env.server.url}/#/incidents/new`);
      const form = page.getByTestId('report-form');
      await form.locator('textarea[name=summary]').fill(`Group of five lost west of the port ${Date.now()}`);
      await form.getByRole('combobox', { name: 'Find a place' }).fill('Sasabe');
      await form.getByRole('option', { name: words.en.option }).click();
      const previewed = await form.getByTestId('place-preview').locator('[data-testid=place-line]').textContent();
      await page.getByTestId('submit-incident').click();
      await page.getByTestId('incident-detail').waitFor();
      expect(await page.getByTestId('incident-detail').getByTestId('place-line').first().textContent()).toBe(previewed);
      await page.context().close();
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'who to call takes “Sasabe” by name',
    async () => {
      await mkdir(SHOTS, { recursive: true });
      for (const language of ['en', 'es'] as const) {
        for (const [size, viewport] of Object.entries(sizes)) {
          const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', { language, viewport });
          await page.goto(`${env.server.url}/#/mechanisms`);
          await page.getByTestId('mechanism-row').first().waitFor();
          await page.getByRole('combobox', { name: words[language].search }).fill('Sasabe');
          await page.getByRole('option', { name: words[language].option }).click();
          const mechanism = page.getByTestId('who-to-call-mechanism');
          await mechanism.waitFor();
          expect(await mechanism.getAttribute('data-mechanism-id')).toBe('nogales-nogales');
          await page.getByTestId('who-to-call').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/who-to-call-${language}-${size}.png` });
          await page.context().close();
        }
      }
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'the repatriation form’s category shows “unaccompanied minor” whole at 1280 and 390 px',
    async () => {
      await mkdir(SHOTS, { recursive: true });
      for (const language of ['en', 'es'] as const) {
        for (const [size, viewport] of Object.entries(sizes)) {
          const page = await newSignedInPage(env.browser, env.server.url, 'liaison.sandiego', { language, viewport });
          await page.goto(`${env.server.url}/#/repatriation?port=san-ysidro`);
          const category = page.getByTestId('check-form').locator('select[name="persons.0.category"]');
          await category.selectOption('unaccompanied_minor');
          await category.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}/category-${language}-${size}.png` });
          expect(await category.evaluate(selectShowsWholeLabel as (element: unknown) => boolean)).toBe(true);
          await page.context().close();
        }
      }
    },
    E2E_TIMEOUT_MS,
  );
});
