import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { Incident } from '@shared/incidents/contract.js';
import { signIn as apiSignIn } from '../helpers/app.js';
import { incidentReport, places } from '../helpers/factories.js';
import { horizontalOverflow, saveScreenshot, seriousAxeViolations } from './support/audit.js';
import {
  describeInBrowser,
  desktop,
  newPage,
  newSignedInPage,
  phone,
  serverAndBrowser,
  signIn,
  waitUntilLive,
  type PageOptions,
} from './support/browser.js';

const LONG_TIMEOUT_MS = 240_000;

type Language = 'en' | 'es';
const sizes = { desktop, phone } as const;
type Size = keyof typeof sizes;

/** Every page of the console, and what shows it has finished loading. */
const pages: Array<{ name: string; path: (ids: DemoIds) => string; ready: (page: Page) => Promise<unknown> }> = [
  { name: 'map', path: () => '/map', ready: (p) => mapDrawn(p) },
  { name: 'incidents', path: () => '/incidents', ready: (p) => p.getByTestId('incident-row').first().waitFor() },
  { name: 'report', path: () => '/incidents/new', ready: (p) => p.getByTestId('report-form').waitFor() },
  { name: 'incident', path: (ids) => `/incidents/${ids.ocotillo}`, ready: (p) => incidentShown(p) },
  { name: 'closed-incident', path: (ids) => `/incidents/${ids.closed}`, ready: (p) => incidentShown(p) },
  {
    name: 'central-desk',
    path: () => '/central-desk',
    ready: (p) => p.getByTestId('escalation-row').first().waitFor(),
  },
  { name: 'investigations', path: () => '/investigations', ready: (p) => p.getByTestId('investigations').waitFor() },
  { name: 'not-found', path: () => '/no-such-page', ready: (p) => p.getByTestId('not-found').waitFor() },
];

interface DemoIds {
  /** Reported near Ocotillo two days ago by a San Diego officer, escalated, being responded to. */
  ocotillo: string;
  /** Closed with its investigation. */
  closed: string;
}

async function mapDrawn(page: Page) {
  await page.getByTestId('border-map').locator('canvas').waitFor();
  // The list of features in view fills once the map has drawn its overlays.
  await page
    .locator('[data-testid=features-in-view] summary')
    .filter({ hasText: /[1-9]/ })
    .waitFor({ timeout: 20_000 });
}

async function incidentShown(page: Page) {
  await page.getByTestId('incident-detail').waitFor();
  await page.getByTestId('incident-map').locator('canvas').waitFor();
}

describeInBrowser('Rapid Response as officers use it (browser, English and Spanish, desktop and phone)', () => {
  const env = serverAndBrowser({ demoIncidents: true });
  const ids = {} as DemoIds;
  const api = async (username: string, url: string) =>
    (await env.server.app.inject({ url, headers: { cookie: await apiSignIn(env.server.app, username) } })).json();
  const report = async (username: string, over: Parameters<typeof incidentReport>[0]) => {
    const res = await env.server.app.inject({
      method: 'POST',
      url: '/api/incidents',
      headers: { cookie: await apiSignIn(env.server.app, username) },
      payload: incidentReport({ occurredAt: env.server.clock.now().toISOString(), ...over }),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as Incident;
  };

  beforeAll(async () => {
    const feed = (await api('supervisor.us', '/api/incidents?limit=100')).items as Incident[];
    ids.ocotillo = feed.find((i) => i.demo && i.type === 'heat_exposure' && i.mechanismId === 'calexico-mexicali')!.id;
    ids.closed = feed.find((i) => i.demo && i.status === 'closed' && i.type === 'death')!.id;
  });

  it.each<[Language, Size]>([
    ['en', 'desktop'],
    ['es', 'desktop'],
    ['en', 'phone'],
    ['es', 'phone'],
  ])(
    'every page in %s at %s size: nothing runs off the screen, no serious or critical axe violation (screenshots saved)',
    async (language, size) => {
      const options: PageOptions = { viewport: sizes[size], language };
      const username = language === 'es' ? 'supervisor.mx' : 'supervisor.us';
      const page = await newPage(env.browser, options);
      const problems: string[] = [];
      const audit = async (name: string) => {
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${name}: runs ${overflow}px off the right edge`);
        for (const v of await seriousAxeViolations(page))
          problems.push(
            `${name}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        await saveScreenshot(page, `${name}-${language}-${size}`);
      };

      await page.goto(env.server.url);
      await page.getByTestId('sign-in-form').waitFor();
      await audit('sign-in');
      await signIn(page, username);
      for (const { name, path, ready } of pages) {
        await page.goto(`${env.server.url}/#${path(ids)}`);
        await ready(page);
        await audit(name);
      }
      expect(problems).toEqual([]);
    },
    LONG_TIMEOUT_MS,
  );

  it('the accessibility scan finds what it should: it is not passing pages by looking at nothing', async () => {
    const page = await newPage(env.browser);
    await page.setContent('<html lang="en"><body><main><img src="x.png"><button></button></main></body></html>');
    expect((await seriousAxeViolations(page)).map((v) => v.id)).toEqual(
      expect.arrayContaining(['image-alt', 'button-name']),
    );
    await page.setContent('<html><body><div style="width: 2000px">wide</div></body></html>');
    expect(await horizontalOverflow(page)).toBeGreaterThan(0);
  });

  it.each<[Language, Size, string, RegExp, RegExp]>([
    // A reader in New York (or Mexico City): the place's Pacific time first, theirs beside it.
    [
      'en',
      'desktop',
      'America/New_York',
      /\d{1,2}:\d\d (AM|PM) P[SD]T \(.*\d{1,2}:\d\d (AM|PM) E[SD]T your time\)/,
      /km W of Calexico · Calexico – Mexicali mechanism/,
    ],
    [
      'es',
      'phone',
      'America/Mexico_City',
      /\b\d{1,2}:\d\d P[SD]T \(.*\b\d{1,2}:\d\d CST su hora\)/,
      /km al O de Calexico · mecanismo Mexicali – Calexico/,
    ],
  ])(
    'the incident page in %s (%s) names the place and labels every time with its zone',
    async (language, size, timezoneId, zoned, near) => {
      const username = language === 'es' ? 'supervisor.mx' : 'supervisor.us';
      const page = await newSignedInPage(env.browser, env.server.url, username, {
        viewport: sizes[size],
        language,
        timezoneId,
      });
      await page.goto(`${env.server.url}/#/incidents/${ids.ocotillo}`);
      await incidentShown(page);
      const place = (await page.getByTestId('place-line').first().textContent()) ?? '';
      expect(place).toMatch(near);
      expect(await page.getByTestId('occurred-at').textContent()).toMatch(zoned);
      // No 12-hour clock anywhere on a Spanish page; no raw zone or source ids on any.
      const text = (await page.locator('main').textContent()) ?? '';
      if (language === 'es') expect(text).not.toMatch(/\b(a\. m\.|p\. m\.|AM|PM)\b/);
      expect(text).not.toMatch(/America\/|\bsystem\b|Version \d/);
      expect(text).toContain(language === 'es' ? 'La consola' : 'The console');
      await saveScreenshot(page, `incident-zones-${language}-${size}`);
    },
    LONG_TIMEOUT_MS,
  );

  it.each<[Language, Size]>([
    ['en', 'desktop'],
    ['es', 'phone'],
  ])(
    'the feed in %s (%s) filters to what awaits my government, with a counter in the bar and each deadline',
    async (language, size) => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', {
        viewport: sizes[size],
        language,
      });
      await page.goto(`${env.server.url}/#/incidents`);
      await waitUntilLive(page);
      const counter = page.getByTestId('awaiting-counter');
      const count = async () => Number(await counter.getAttribute('data-count'));
      await expect.poll(count).toBeGreaterThan(0);
      const before = await count();

      const fresh = await report('liaison.sandiego', { summary: `Two people on the levee ${language}-${size}` });
      await expect.poll(count, { timeout: 10_000 }).toBe(before + 1);

      await counter.click();
      await expect.poll(() => page.url()).toContain('awaiting=mine');
      await expect.poll(() => page.locator('input[name=awaiting]').isChecked()).toBe(true);
      const rows = page.getByTestId('incident-row');
      await expect.poll(() => rows.count()).toBe(before + 1);
      for (const row of await rows.all()) {
        expect(await row.getByTestId('row-deadline').textContent()).toMatch(
          language === 'es' ? /Acuse de México: vence en \d+:\d\d/ : /Acknowledgement by Mexico due in \d+:\d\d/,
        );
      }
      await saveScreenshot(page, `feed-awaiting-${language}-${size}`);

      await page.goto(`${env.server.url}/#/incidents/${fresh.id}`);
      await page.getByTestId('acknowledge').click();
      await expect.poll(count, { timeout: 10_000 }).toBe(before);
    },
    LONG_TIMEOUT_MS,
  );

  it.each<[Language, Size]>([
    ['es', 'desktop'],
    ['en', 'phone'],
  ])(
    'in %s (%s) an officer acknowledges from the toast, and an alert not opened stays marked unread across a reload',
    async (language, size) => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', {
        viewport: sizes[size],
        language,
      });
      await page.goto(`${env.server.url}/#/incidents`);
      await waitUntilLive(page);

      const first = await report('liaison.sandiego', { summary: `Child alone at the fence ${language}-${size}` });
      const toast = page.getByTestId('incident-toast').filter({ hasText: first.summary });
      await toast.waitFor({ timeout: 10_000 });
      await saveScreenshot(page, `toast-${language}-${size}`);
      await toast.getByTestId('toast-acknowledge').click();
      await toast.getByTestId('toast-acknowledged').waitFor();
      const detail = await api('consul.tijuana', `/api/incidents/${first.id}`);
      expect(detail.acknowledgements.map((a: { government: string }) => a.government).sort()).toEqual(['MX', 'US']);
      expect(detail.status).toBe('acknowledged');

      const second = await report('liaison.sandiego', {
        summary: `Car stuck in the canal ${language}-${size}`,
        location: places.tijuana,
      });
      const other = page.getByTestId('incident-toast').filter({ hasText: second.summary });
      await other.waitFor({ timeout: 10_000 });
      await other.getByRole('button', { name: language === 'es' ? 'Cerrar' : 'Close' }).click();
      const unread = page.getByTestId('unread-alerts');
      await expect
        .poll(() => unread.locator('summary').textContent())
        .toBe(language === 'es' ? '1 alerta sin leer' : '1 unread alert');
      await page.reload();
      await unread.waitFor();
      await unread.locator('summary').click();
      await saveScreenshot(page, `unread-${language}-${size}`);
      await unread.getByRole('link').first().click();
      await page.getByTestId('incident-detail').waitFor();
      await expect.poll(() => unread.count()).toBe(0);
    },
    LONG_TIMEOUT_MS,
  );
});
