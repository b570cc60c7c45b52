import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../../seeds/demo-users.js';
import { startServer } from '../../helpers/server.js';

/** Debian's chromium (apt-get install chromium); never a tool's own browser download. */
const CHROMIUM = '/usr/bin/chromium';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `\n⚠⚠⚠ Browser tests SKIPPED: ${CHROMIUM} is missing. Install it with \`apt-get install -y chromium\` (.ci/run does). ⚠⚠⚠\n`,
  );
}

/** `describe` when a browser is available, else a loud skip (see the warning above). */
export const describeInBrowser = hasChromium ? describe : describe.skip;

export const E2E_TIMEOUT_MS = 60_000;
/**
 * Starting a server (with its seed: 50,000 incidents for the operations map) and a browser.
 * A hang is still caught; but on a machine whose cores are busy with other work this took
 * over a minute (a fresh-clone `.ci/run` under stress-ng failed there, issue #27).
 */
const SETUP_TIMEOUT_MS = 180_000;

/**
 * A headless chromium. `launch()` gives every run a fresh temporary profile (user-data-dir),
 * and each `newContext()` inside it has its own cookies and storage: one per signed-in user.
 * MapLibre's WebGL renders through SwiftShader with these flags.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh server and browser for the enclosing describe block, closed after it. */
export function serverAndBrowser(options: Parameters<typeof startServer>[0] = {}): {
  server: Awaited<ReturnType<typeof startServer>>;
  browser: Browser;
} {
  const env = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startServer(options), launchBrowser()]);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The console's language (its remembered preference), English by default. */
  language?: 'en' | 'es';
  /** The browser's own time zone; the machine's by default. */
  timezoneId?: string;
}

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** A page in a context of its own (cookies, storage), not yet signed in. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? desktop,
    locale: options.language === 'es' ? 'es-MX' : 'en-US',
    timezoneId: options.timezoneId,
  });
  if (options.language) {
    await context.addInitScript((language) => {
      const { localStorage } = globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } };
      localStorage.setItem('boc.language', language);
    }, options.language);
  }
  return context.newPage();
}

export async function newSignedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: PageOptions = {},
): Promise<Page> {
  const page = await newPage(browser, options);
  page.on('pageerror', (error) => console.error(`[${username}] page error:`, error));
  await page.goto(baseUrl);
  await signIn(page, username);
  return page;
}

export async function signIn(page: Page, username: string): Promise<void> {
  const form = page.getByTestId('sign-in-form');
  await form.locator('input[name=username]').fill(username);
  await form.locator('input[name=password]').fill(DEMO_PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.getByTestId('live-indicator').waitFor();
}

/**
 * Switches the console's language from the header; on a phone the switch sits in the header's
 * menu. The menu closes when the page's path changes, as it does once just after sign-in (the
 * first page redirects to the default one): if that closed it under the click, it is opened again.
 */
export async function chooseLanguage(page: Page, language: 'en' | 'es'): Promise<void> {
  const menu = page.getByTestId('topbar-menu-button');
  const choice = page.getByTestId(`language-${language}`);
  if (!(await menu.isVisible())) return choice.click();
  await vi.waitFor(
    async () => {
      if (!(await choice.isVisible())) await menu.click();
      await choice.click({ timeout: 2_000 });
    },
    { timeout: 30_000, interval: 250 },
  );
  if (await choice.isVisible()) await menu.click();
}

/** Live means the websocket said hello and the subscription is in place. */
export async function waitUntilLive(page: Page): Promise<void> {
  await page.locator('[data-testid=live-indicator][data-state=live]').waitFor({ timeout: 15_000 });
}

/** A marker that disappears if the page reloads: proves an update arrived live. */
export async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as { e2eMarker?: boolean }).e2eMarker = true));
}

export async function pageWasNotReloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as { e2eMarker?: boolean }).e2eMarker === true);
}
