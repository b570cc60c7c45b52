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
} from './support/browser.js';

/** Where the screenshots go for a person to look at (test-results/ is not committed). */
const SHOTS = 'test-results/zone-spelling';

async function shoot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries({ wide: desktop, phone })) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png` });
  }
  await page.setViewportSize(desktop);
}

/** Every zone spelling a text holds: abbreviations, offsets, and what the browser would print itself. */
const spellings = (text: string) => text.match(/\b(?:[PMCE][SD]T|UTC[+−-]\d{1,2}|GMT[+-]?\d*)\b/g) ?? [];

describeInBrowser('one spelling per zone (issue 23, browser)', () => {
  const env = serverAndBrowser();

  it(
    'writes Sonora’s clock “UTC−7” on the incident page, its who-to-call panel, the feed and the mechanism page, in Spanish and English',
    async () => {
      await mkdir(SHOTS, { recursive: true });
      // The reader's own clock is Tijuana's, so the page also shows theirs ("… PST su hora").
      const page = await newSignedInPage(env.browser, env.server.url, 'supervisor.mx', {
        language: 'es',
        timezoneId: 'America/Tijuana',
      });
      // Nogales, Sonora: the Nogales – Nogales mechanism keeps Sonora's clock (UTC−7 all year, no abbreviation).
      const report = await page.request.post(`${env.server.url}/api/incidents`, {
        data: {
          type: 'heat_exposure',
          severity: 'high',
          summary: 'Persona con golpe de calor al oeste de Nogales, Sonora',
          location: { lat: 31.3, lon: -111.05 },
          occurredAt: new Date().toISOString(),
        },
      });
      expect(report.status(), await report.text()).toBe(201);
      const incident = (await report.json()) as { id: string; mechanismId: string };
      expect(incident.mechanismId).toBe('nogales-nogales');

      for (const language of ['es', 'en'] as const) {
        await page.getByTestId(`language-${language}`).click();
        await page.goto(`${env.server.url}/#/incidents/${incident.id}`);
        const occurred = (await page.getByTestId('occurred-at').textContent()) ?? '';
        // Sonora's time, then the reader's own in Tijuana; the zone's name says the same as its abbreviation.
        expect(spellings(occurred)).toEqual(['UTC−7', 'PST', 'UTC−7']);
        expect(occurred).toContain(language === 'es' ? 'Hora local: UTC−7' : 'Local time: UTC−7');

        const panel = page.getByTestId('who-to-call');
        await panel.locator('a[href^="tel:"]').first().waitFor();
        const panelText = (await panel.textContent()) ?? '';
        expect(spellings(panelText).length).toBeGreaterThan(0);
        expect(new Set(spellings(panelText))).toEqual(new Set(['UTC−7']));
        await panel.scrollIntoViewIfNeeded();
        await shoot(page, `incident-${language}`);

        await page.goto(`${env.server.url}/#/incidents`);
        const row = page.locator(`[data-testid=incident-row][data-incident-id="${incident.id}"]`);
        await row.waitFor();
        expect(spellings((await row.textContent()) ?? '')).toEqual(['UTC−7', 'PST']);
        await shoot(page, `feed-${language}`);

        await page.goto(`${env.server.url}/#/mechanisms`);
        const nogales = page.locator('[data-mechanism-id=nogales-nogales]');
        await nogales.waitFor();
        expect(await nogales.textContent()).toContain(language === 'es' ? 'Zona horaria: UTC−7' : 'Time zone: UTC−7');
        // Tijuana's mechanism is named as its abbreviation spelled out, never by an offset the browser prints.
        expect(await page.locator('[data-mechanism-id=san-diego-tijuana]').textContent()).toContain(
          language === 'es' ? 'hora estándar del Pacífico' : 'Pacific Standard Time',
        );
        expect(await page.locator('body').textContent()).not.toMatch(/GMT|Mexican Pacific|Pacífico de México/);
        await shoot(page, `mechanisms-${language}`);
      }
    },
    E2E_TIMEOUT_MS * 3,
  );

  it(
    'starts an area’s “this season” at midnight on the area’s own clock, not UTC’s',
    async () => {
      await mkdir(SHOTS, { recursive: true });
      // A reader in Tijuana looks at an area in Arizona, next to Nogales (Sonora's clock, UTC−7).
      const page = await newSignedInPage(env.browser, env.server.url, 'supervisor.us', {
        timezoneId: 'America/Tijuana',
      });
      for (const language of ['en', 'es'] as const) {
        await page.getByTestId(`language-${language}`).click();
        await page.goto(`${env.server.url}/#/map?range=season&area=altar-valley-west-of-nogales`);
        const period = page.getByTestId('area-stats-window');
        await expect.poll(() => period.textContent(), { timeout: 20_000 }).not.toBe('');
        const text = (await period.textContent()) ?? '';
        // Before May the season began on 1 October; from May, on 1 May.
        expect(text).toMatch(
          language === 'en'
            ? /^From (Oct|May) 1, \d{4}, 12:00\s?AM UTC−7 to /
            : /^Del 1 (oct|may) \d{4}, 0?0:00 UTC−7 al /,
        );
        await period.scrollIntoViewIfNeeded();
        await shoot(page, `area-season-${language}`);
      }
    },
    E2E_TIMEOUT_MS * 2,
  );

  it(
    'names ports without English in Spanish and mechanisms in one order (issue 23)',
    async () => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', { language: 'es' });
      await page.goto(`${env.server.url}/#/ports`);
      const laredo = page.locator('[data-testid=port-row][data-port-id=laredo] .port-name');
      await laredo.waitFor();
      expect(await laredo.textContent()).toBe('Nuevo Laredo – Laredo');
      const names = await page.locator('.port-name').allTextContents();
      expect(names.length).toBeGreaterThan(20);
      for (const name of names) expect(name).not.toMatch(/\b(bridges?|lands|municipality|and|downtown|area)\b/i);
      // The board's mechanism headings name Tijuana first, as the liaison list does.
      expect(await page.locator('body').textContent()).not.toContain('San Diego – Tijuana');
      await page.locator('[data-port-id=eagle-pass]').scrollIntoViewIfNeeded();
      await shoot(page, 'ports-es');
    },
    E2E_TIMEOUT_MS,
  );
});
