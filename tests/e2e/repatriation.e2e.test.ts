import { mkdir } from 'node:fs/promises';
import { Temporal } from 'temporal-polyfill';
import type { Browser, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { CheckResult } from '@shared/repatriation/contract.js';
import {
  chooseLanguage,
  describeInBrowser,
  E2E_TIMEOUT_MS,
  markPage,
  pageWasNotReloaded,
  serverAndBrowser,
  signIn,
  waitUntilLive,
} from './support/browser.js';

const TIJUANA = 'America/Tijuana';
const SHOTS = 'test-results/repatriation';

/** Tomorrow's date on Tijuana's clock (`YYYY-MM-DD`). */
const tomorrowAtTijuana = () => Temporal.Now.zonedDateTimeISO(TIJUANA).add({ days: 1 }).toPlainDate().toString();

async function spanishPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  width = 1280,
  height = 800,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'es-MX' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${username}] page error:`, error));
  await page.goto(baseUrl);
  await signIn(page, username);
  await chooseLanguage(page, 'es');
  return page;
}

/** What the page shows as the engine's answer: allowed, the violation codes, the suggested slots. */
async function shownVerdict(page: Page) {
  const verdict = page.getByTestId('verdict');
  const codes = (await verdict.getAttribute('data-codes'))!;
  const slots = await verdict
    .getByTestId('slot')
    .evaluateAll((items) => items.map((li) => ({ portId: li.dataset.port, start: li.dataset.start })));
  return {
    allowed: (await verdict.getAttribute('data-allowed')) === 'true',
    codes: codes ? codes.split(' ') : [],
    slots,
  };
}

/** The server's answer for the same input, through the same session (the page lists slots only when refused). */
async function serverVerdict(page: Page, body: object) {
  const res = await page.request.post(new URL('/api/repatriation/check', page.url()).toString(), { data: body });
  expect(res.status()).toBe(200);
  const result = (await res.json()) as CheckResult;
  return {
    allowed: result.allowed,
    codes: result.violations.map((v) => v.code),
    slots: result.allowed ? [] : result.nextWindows.map(({ portId, start }) => ({ portId, start })),
  };
}

/** A `YYYY-MM-DD` date as the typed date field shows it in Spanish (dd/mm/aaaa). */
const spanishDate = (date: string) => date.split('-').reverse().join('/');

async function typeWhen(page: Page, date: string, time: string) {
  const form = page.getByTestId('check-form');
  await form.locator('input[name=at-date]').fill(spanishDate(date));
  await form.locator('input[name=at-time]').fill(time);
}

describeInBrowser('repatriation: check, move to a slot, plan, live on the Mexican side (browser, Spanish)', () => {
  const env = serverAndBrowser();

  it(
    'checks an unaccompanied minor at 20:00 at San Ysidro, moves it to a suggested slot, saves it; the Mexican side sees it live and confirms reception',
    async () => {
      const base = env.server.url;
      const [us, mx] = await Promise.all([
        spanishPage(env.browser, base, 'liaison.sandiego'),
        spanishPage(env.browser, base, 'consul.tijuana'),
      ]);
      await Promise.all([
        us.goto(`${base}/#/repatriation?port=san-ysidro`),
        mx.goto(`${base}/#/repatriation?port=san-ysidro`),
      ]);
      await Promise.all([waitUntilLive(us), waitUntilLive(mx)]);
      await mx.getByTestId('port-schedule').waitFor();
      await markPage(mx);

      const day = tomorrowAtTijuana();
      const form = us.getByTestId('check-form');
      await form.locator('select[name="persons.0.category"]').selectOption('unaccompanied_minor');
      await typeWhen(us, day, '20:00');

      // The browser's engine answers as the officer types, in Spanish, naming the person.
      const verdict = us.getByTestId('verdict');
      await expect.poll(() => verdict.getAttribute('data-codes')).toBe('VULNERABLE_OUTSIDE_DAYLIGHT');
      expect(await verdict.getAttribute('data-allowed')).toBe('false');
      const violation = verdict.getByTestId('violation');
      expect(await violation.textContent()).toContain('Persona vulnerable fuera del horario diurno');
      expect(await violation.textContent()).toContain('Persona 1 (menor no acompañado)');
      expect(await form.getByTestId('person-row').first().getAttribute('class')).toContain('person-flagged');

      // The browser and the server give the same answer for the same input.
      const at = Temporal.PlainDateTime.from(`${day}T20:00`)
        .toZonedDateTime(TIJUANA)
        .toString({ timeZoneName: 'never' });
      const body = { portId: 'san-ysidro', at, persons: [{ nationality: 'MX', category: 'unaccompanied_minor' }] };
      expect(await shownVerdict(us)).toEqual(await serverVerdict(us, body));

      // Move to the first suggested slot: the next day's daylight hours at San Ysidro.
      const slot = verdict.getByTestId('slot').first();
      expect(await slot.getAttribute('data-port')).toBe('san-ysidro');
      await slot.getByTestId('move-to-slot').click();
      await expect.poll(() => verdict.getAttribute('data-allowed')).toBe('true');
      const nextDay = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
      expect(await form.locator('input[name=at-date]').inputValue()).toBe(spanishDate(nextDay));
      expect(await form.locator('input[name=at-time]').inputValue()).toBe('08:00');

      await form.locator('input[name=fromFacility]').fill('Centro de detención de Otay Mesa');
      await us.getByTestId('save-movement').click();
      await us.getByTestId('saved-movement').waitFor();
      expect(await us.getByTestId('saved-movement').textContent()).toContain('08:00');

      // The Mexican side of the port sees it arrive without reloading; reception opens 2 h before it, and says so.
      const row = mx.getByTestId('movement-row').filter({ hasText: 'Centro de detención de Otay Mesa' });
      await row.waitFor({ timeout: 10_000 });
      expect(await pageWasNotReloaded(mx)).toBe(true);
      expect(await row.getAttribute('data-status')).toBe('planned');
      expect(await row.getByTestId('action-confirm').isDisabled()).toBe(true);
      expect(await row.getByTestId('refusals').textContent()).toContain('La recepción puede confirmarse a partir del');

      // The form starts fresh once saved: nothing of the saved movement is left to be checked against itself.
      expect(await form.locator('input[name=fromFacility]').inputValue()).toBe('');
      await expect.poll(() => us.getByTestId('verdict').getAttribute('data-allowed')).toBe('true');

      await mkdir(SHOTS, { recursive: true });
      await us.screenshot({ path: `${SHOTS}/planner-1280-es.png` });
      await mx.screenshot({ path: `${SHOTS}/mexican-side-1280-es.png` });
      await Promise.all([us.context().close(), mx.context().close()]);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'gives the same answer in the browser as POST /check for other groups, and an allowed one, at 390×844',
    async () => {
      const base = env.server.url;
      const page = await spanishPage(env.browser, base, 'supervisor.mx', 390, 844);
      await page.goto(`${base}/#/repatriation?port=san-ysidro`);
      const form = page.getByTestId('check-form');
      await form.waitFor();
      const day = tomorrowAtTijuana();

      // An ex-convict with a child and a Guatemalan adult at 23:00: several rules at once.
      await form.locator('select[name="persons.0.category"]').selectOption('ex_convict');
      await page.getByTestId('add-person').click();
      await form.locator('select[name="persons.1.category"]').selectOption('accompanied_minor');
      await page.getByTestId('add-person').click();
      await form.locator('select[name="persons.2.nationality"]').selectOption('GT');
      await typeWhen(page, day, '23:00');
      const at = Temporal.PlainDateTime.from(`${day}T23:00`)
        .toZonedDateTime(TIJUANA)
        .toString({ timeZoneName: 'never' });
      const persons = [
        { nationality: 'MX', category: 'ex_convict' },
        { nationality: 'MX', category: 'accompanied_minor' },
        { nationality: 'GT', category: 'adult_male' },
      ];
      await expect.poll(async () => (await shownVerdict(page)).codes.length).toBeGreaterThan(2);
      const refused = await shownVerdict(page);
      expect(refused).toEqual(await serverVerdict(page, { portId: 'san-ysidro', at, persons }));
      expect(refused.codes).toEqual([
        'OUTSIDE_WINDOW',
        'NON_MEXICAN_NATIONAL',
        'FAMILY_SPLIT',
        'EX_CONVICT_WITH_MINORS',
      ]);

      // One adult woman at 10:00: allowed on both sides.
      for (const index of [2, 1]) await form.getByTestId('person-row').nth(index).locator('.remove-person').click();
      await form.locator('select[name="persons.0.category"]').selectOption('adult_female');
      await typeWhen(page, day, '10:00');
      await expect.poll(() => page.getByTestId('verdict').getAttribute('data-allowed')).toBe('true');
      const tenAm = Temporal.PlainDateTime.from(`${day}T10:00`)
        .toZonedDateTime(TIJUANA)
        .toString({ timeZoneName: 'never' });
      expect(await shownVerdict(page)).toEqual(
        await serverVerdict(page, {
          portId: 'san-ysidro',
          at: tenAm,
          persons: [{ nationality: 'MX', category: 'adult_female' }],
        }),
      );

      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/check-390-es.png` });
      await page.context().close();
    },
    E2E_TIMEOUT_MS,
  );
});
