import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, E2E_TIMEOUT_MS, newSignedInPage, serverAndBrowser } from './support/browser.js';

/** Where the screenshots go for a person to look at (test-results/ is not committed). */
const SHOTS = 'test-results/liaison';
const viewports = { wide: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

/** The first screen at each size, then the whole page (the shell scrolls inside `.content`, so let it grow). */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png` });
  }
  await page.setViewportSize(viewports.wide);
  const grow = await page.addStyleTag({ content: '.shell { height: auto } .content { overflow: visible }' });
  await page.screenshot({ path: `${SHOTS}/${name}-full.png`, fullPage: true });
  await grow.evaluate((style) => style.remove());
}

/** The on-duty contacts shown for a side: names, and every `tel:` link. */
async function onDutySide(page: Page, scope: string, side: 'US' | 'MX') {
  const column = page.locator(`${scope} [data-testid=on-duty-${side}]`);
  await column.locator('a[href^="tel:"]').first().waitFor();
  return {
    contacts: await column.getByTestId('on-duty-contact').count(),
    tel: await column.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    text: (await column.textContent()) ?? '',
  };
}

describeInBrowser('liaison mechanisms (browser)', () => {
  const env = serverAndBrowser();

  it(
    'opens San Diego – Tijuana in Spanish with both sides on duty and tel: links; the same panel on an incident page',
    async () => {
      await mkdir(SHOTS, { recursive: true });
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana');
      await page.getByTestId('language-es').click();

      await page.goto(`${env.server.url}/#/mechanisms`);
      await page.getByTestId('mechanism-row').first().waitFor();
      expect(await page.getByTestId('mechanism-row').count()).toBeGreaterThanOrEqual(10);
      // Douglas – Agua Prieta leaves a call order empty every Saturday morning: flagged on the list.
      const douglas = page.locator('[data-mechanism-id=douglas-agua-prieta]');
      expect(await douglas.locator('[data-flag=gap]').textContent()).toContain('Hueco de cobertura');
      await shoot(page, 'list-es');

      await page.locator('[data-mechanism-id=san-diego-tijuana] a').click();
      await page.getByTestId('mechanism-page').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Tijuana – San Diego');
      const us = await onDutySide(page, '.on-duty-now', 'US');
      const mx = await onDutySide(page, '.on-duty-now', 'MX');
      expect(us.contacts).toBeGreaterThan(0);
      expect(mx.contacts).toBeGreaterThan(0);
      for (const href of [...us.tel, ...mx.tel]) expect(href).toMatch(/^tel:\+\d{11,12}$/);
      expect(mx.tel.some((href) => href!.startsWith('tel:+52'))).toBe(true);
      expect(us.text).toContain('Estados Unidos');
      expect(mx.text).toContain('México');
      expect(await page.locator('.on-duty-now h2').textContent()).toBe('De guardia ahora');
      // Spanish times are 24-hour.
      expect(await page.locator('.on-duty-now .local-time').textContent()).toMatch(/Hora local: \d{1,2}:\d{2}/);
      expect(await page.locator('.on-duty-now').textContent()).not.toMatch(/\b[ap]\.?\s?m\.?\b/i);
      // The chair of this mechanism may edit it.
      await page.getByTestId('edit-rotation').waitFor();
      expect(await page.getByTestId('export-vcf').getAttribute('href')).toContain('/contacts.vcf?lang=es');
      await shoot(page, 'mechanism-es');

      await page.getByTestId('language-en').click();
      await expect.poll(() => page.locator('.on-duty-now h2').textContent()).toBe('On duty now');
      await shoot(page, 'mechanism-en');
      await page.getByTestId('language-es').click();

      // An incident reported at Jacumba belongs to San Diego – Tijuana, and its page says who to call there.
      const report = await page.request.post(`${env.server.url}/api/incidents`, {
        data: {
          type: 'migrant_distress',
          severity: 'high',
          summary: 'Grupo de cuatro extraviado cerca de Jacumba',
          location: { lat: 32.617, lon: -116.19 },
          occurredAt: new Date().toISOString(),
        },
      });
      expect(report.status()).toBe(201);
      const incident = (await report.json()) as { id: string; mechanismId: string };
      expect(incident.mechanismId).toBe('san-diego-tijuana');
      await page.goto(`${env.server.url}/#/incidents/${incident.id}`);
      const panel = page.getByTestId('who-to-call');
      await panel.getByTestId('who-to-call-mechanism').waitFor();
      expect(await panel.getByTestId('who-to-call-mechanism').getAttribute('data-mechanism-id')).toBe(
        'san-diego-tijuana',
      );
      expect(await panel.getByTestId('who-to-call-mechanism').textContent()).toContain(
        'Este lugar está en el área de Tijuana – San Diego',
      );
      const panelUs = await onDutySide(page, '[data-testid=who-to-call]', 'US');
      const panelMx = await onDutySide(page, '[data-testid=who-to-call]', 'MX');
      expect(panelUs.tel).toEqual(us.tel);
      expect(panelMx.tel).toEqual(mx.tel);
      await panel.scrollIntoViewIfNeeded();
      await shoot(page, 'incident-es');
    },
    E2E_TIMEOUT_MS * 2,
  );
});
