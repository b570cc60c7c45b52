import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Incident } from '@shared/incidents/contract.js';
import { signIn as apiSignIn } from '../helpers/app.js';
import { incidentReport } from '../helpers/factories.js';
import { horizontalOverflow, saveScreenshot } from './support/audit.js';
import {
  describeInBrowser,
  desktop,
  markPage,
  newSignedInPage,
  pageWasNotReloaded,
  phone,
  serverAndBrowser,
  waitUntilLive,
} from './support/browser.js';
import { startOutageRelay, type OutageRelay } from './support/outage-relay.js';

const TIMEOUT_MS = 120_000;

type Language = 'en' | 'es';
const sizes = { desktop, phone } as const;
type Size = keyof typeof sizes;
const cases: Array<[Language, Size]> = [
  ['en', 'phone'],
  ['es', 'phone'],
  ['en', 'desktop'],
  ['es', 'desktop'],
];

/** Whether a click at the middle of `selector` reaches it (nothing lies over it). */
function reachable(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const { document } = globalThis as unknown as {
      document: { elementFromPoint(x: number, y: number): unknown };
    };
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.width > 0 && hit !== null && element.contains(hit as never);
  });
}

describeInBrowser('navigation and toasts (browser, English and Spanish, phone and desktop)', () => {
  const env = serverAndBrowser();
  let relay: OutageRelay;
  beforeAll(async () => {
    relay = await startOutageRelay(env.server.url);
  });
  afterAll(() => relay?.close());

  const as = async (username: string) => ({ cookie: await apiSignIn(env.server.app, username) });
  const report = async (summary: string) => {
    const res = await env.server.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: await as('liaison.sandiego'),
      payload: incidentReport({ occurredAt: env.server.clock.now().toISOString(), summary }),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as Incident;
  };
  const setPort = async (status: 'open' | 'closed') => {
    const res = await env.server.app.inject({
      method: 'POST',
      url: '/api/ports/otay-mesa/status',
      headers: await as('liaison.sandiego'),
      payload: status === 'open' ? { status } : { status, reason: 'weather' },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it.each(cases)(
    "in %s (%s), with toasts shown the header's buttons stay usable, a toast follows its incident, and its Open leaves the map for the incident",
    async (language, size) => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', {
        viewport: sizes[size],
        language,
      });
      await page.goto(`${env.server.url}/#/map`);
      const canvas = page.getByTestId('border-map').locator('canvas');
      await canvas.waitFor();
      await waitUntilLive(page);
      // The officer looks around: the map writes its view into the URL as it moves.
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
      await expect
        .poll(
          async () => {
            await page.mouse.wheel(0, -200);
            return new URL(page.url()).hash;
          },
          { timeout: 30_000, interval: 1_000 },
        )
        .toContain('zoom=');

      const first = await report(`Family of four at the levee ${language}-${size}`);
      const second = await report(`Man with heat stroke near the fence ${language}-${size}`);
      await setPort('closed');
      const toast = page.getByTestId('incident-toast').filter({ hasText: first.summary });
      await toast.waitFor({ timeout: 10_000 });
      await page.getByTestId('incident-toast').filter({ hasText: second.summary }).waitFor({ timeout: 10_000 });
      await page.getByTestId('port-toast').first().waitFor({ timeout: 10_000 });
      await saveScreenshot(page, `toasts-header-${language}-${size}`);
      // The header fits the width: nothing runs off the right edge.
      expect(await horizontalOverflow(page)).toBe(0);

      // The header's tools answer a tap: nothing lies over them (on a phone, behind the menu button).
      const menu = page.getByTestId('topbar-menu-button');
      if (await menu.isVisible()) {
        expect(await reachable(page, '[data-testid=topbar-menu-button]')).toBe(true);
        await menu.click();
        await saveScreenshot(page, `header-menu-${language}-${size}`);
      }
      expect(await reachable(page, '[data-testid=sign-out]')).toBe(true);
      expect(await reachable(page, '.language-switch button[aria-pressed=false]')).toBe(true);
      expect(await reachable(page, '[data-testid=awaiting-counter]')).toBe(true);
      if (await menu.isVisible()) await menu.click();

      // Acknowledged from its toast, the other alert's toast shows the incident as it now is.
      const other = page.getByTestId('incident-toast').filter({ hasText: second.summary });
      await other.getByTestId('toast-acknowledge').click();
      await other.getByTestId('toast-acknowledged').waitFor();
      await other
        .locator('.badge.status-acknowledged')
        .filter({ hasText: language === 'es' ? 'Enterado' : 'Acknowledged' })
        .waitFor({ timeout: 10_000 });
      expect(await other.locator('.badge.status-reported').count()).toBe(0);

      await toast.getByRole('link', { name: language === 'es' ? 'Abrir' : 'Open' }).click();
      await page.getByTestId('incident-detail').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('incident-detail').textContent()).toContain(first.summary);
      // …and stays there: nothing sends it back to the map.
      await page.waitForTimeout(1_500);
      expect(new URL(page.url()).hash).toBe(`#/incidents/${first.id}`);
      // Opened is seen, as acknowledged is: the header's unread marker is gone.
      await expect.poll(() => page.getByTestId('unread-alerts').count()).toBe(0);
      expect(await page.getByTestId('incident-toast').filter({ hasText: first.summary }).count()).toBe(0);
      await saveScreenshot(page, `toast-opened-${language}-${size}`);
      await setPort('open');
      await page.context().close();
    },
    TIMEOUT_MS,
  );

  it.each(cases)(
    'in %s (%s), after a server outage the feed comes back by itself once the connection is live again',
    async (language, size) => {
      const incident = await report(`Woman lost near the canal ${language}-${size}`);
      const page = await newSignedInPage(env.browser, relay.url, 'consul.tijuana', {
        viewport: sizes[size],
        language,
      });
      await page.goto(`${relay.url}/#/incidents`);
      const row = page.getByTestId('incident-row').filter({ hasText: incident.summary });
      await row.waitFor();
      await waitUntilLive(page);
      await markPage(page);

      await relay.cut();
      try {
        await page.locator('[data-testid=live-indicator][data-state=down]').waitFor({ timeout: 10_000 });
        // A filter chosen while the server is away: the error takes the feed's place.
        await page.evaluate(() => {
          (globalThis as unknown as { location: { hash: string } }).location.hash = '#/incidents?severity=high';
        });
        await page
          .getByRole('alert')
          .filter({ hasText: language === 'es' ? 'No se puede contactar al servidor' : 'The server cannot be reached' })
          .waitFor({ timeout: 10_000 });
        await saveScreenshot(page, `outage-${language}-${size}`);
      } finally {
        await relay.restore();
      }

      await waitUntilLive(page);
      await row.waitFor({ timeout: 10_000 });
      expect(
        await page
          .getByRole('alert')
          .filter({ hasText: /server|servidor/ })
          .count(),
      ).toBe(0);
      expect(await pageWasNotReloaded(page)).toBe(true);
      await saveScreenshot(page, `outage-recovered-${language}-${size}`);
      await page.context().close();
    },
    TIMEOUT_MS,
  );
  it.each<[Language, Size]>([
    ['es', 'phone'],
    ['en', 'desktop'],
  ])(
    'in %s (%s), the rotation reads by the hour, and a port’s week leads to the next',
    async (language, size) => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', {
        viewport: sizes[size],
        language,
      });
      await page.goto(`${env.server.url}/#/mechanisms/san-diego-tijuana`);
      const scale = page.getByTestId('week-scale');
      await scale.waitFor();
      expect(await scale.locator('.hour-tick').allTextContents()).toEqual(
        language === 'es' ? ['00:00', '06:00', '12:00', '18:00'] : ['12:00 AM', '6:00 AM', '12:00 PM', '6:00 PM'],
      );
      await page.getByTestId('week-view').scrollIntoViewIfNeeded();
      await saveScreenshot(page, `rotation-hours-${language}-${size}`);
      expect(await horizontalOverflow(page)).toBe(0);

      await page.goto(`${env.server.url}/#/repatriation?port=san-ysidro`);
      const caption = page.getByTestId('week-caption');
      await caption.waitFor();
      const firstDay = () => page.locator('.week > li').first().getAttribute('data-date');
      const thisMonday = await firstDay();
      await page.getByRole('button', { name: language === 'es' ? 'Semana siguiente →' : 'Next week →' }).click();
      await expect.poll(firstDay).not.toBe(thisMonday);
      expect(await caption.textContent()).toContain(
        language === 'es' ? 'Ventanas de la semana del' : 'Windows for the week of',
      );
      await saveScreenshot(page, `port-next-week-${language}-${size}`);
      await page.getByRole('button', { name: language === 'es' ? 'Esta semana' : 'This week' }).click();
      await expect.poll(firstDay).toBe(thisMonday);
      await page.context().close();
    },
    TIMEOUT_MS,
  );
});
