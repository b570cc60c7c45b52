import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Database } from '@server/core/db.js';
import type { Meeting } from '@shared/liaison/contract.js';
import type { PersonCategory } from '@shared/repatriation/contract.js';
import { insertMovement, insertPortStatus } from '../helpers/records.js';
import { ARTIFACTS, horizontalOverflow, seriousAxeViolations } from './support/audit.js';
import {
  describeInBrowser,
  desktop,
  E2E_TIMEOUT_MS,
  newSignedInPage,
  phone,
  serverAndBrowser,
} from './support/browser.js';
import { pdfPages } from './support/pdf.js';

const LONG_TIMEOUT_MS = 3 * E2E_TIMEOUT_MS;
const TIJUANA = 'America/Tijuana';
const SDT = 'san-diego-tijuana';
/** Screenshots kept with the docs (README): the report's first screen at each size. */
const DOCS_SHOTS = path.resolve('docs/screenshots');

const localDay = (now: Date, daysAgo: number) =>
  Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(TIJUANA)
    .toPlainDate()
    .subtract({ days: daysAgo });
/** `daysAgo` days before `now` at `time` on Tijuana's clock. */
const tijuanaAt = (now: Date, daysAgo: number, time: string) =>
  new Date(
    localDay(now, daysAgo).toZonedDateTime({ timeZone: TIJUANA, plainTime: Temporal.PlainTime.from(time) })
      .epochMilliseconds,
  );

/**
 * Beside the demo incidents of the last six weeks and the seeded meetings (San Diego – Tijuana's
 * last one 45 days ago): repatriations through San Ysidro since, at the port's hours, vulnerable
 * persons among them, and a closure of the port for a bomb threat.
 */
async function seedReview(database: Database, now: Date): Promise<void> {
  const db = database.db;
  const person = (category: PersonCategory) => ({ category, nationality: 'MX' });
  const movements = [
    [40, '09:30', [person('adult_male'), person('adult_male'), person('unaccompanied_minor')]],
    [33, '14:00', [person('adult_female'), person('pregnant')]],
    [20, '10:15', [person('adult_male'), person('adult_male'), person('adult_male'), person('adult_female')]],
    [12, '19:30', [person('adult_male'), person('ill')]],
    [5, '09:00', [person('adult_male'), person('accompanied_minor'), person('adult_female')]],
  ] as const;
  for (const [daysAgo, time, persons] of movements) {
    const at = tijuanaAt(now, daysAgo, time);
    await insertMovement(db, {
      portId: 'san-ysidro',
      arrangementId: 'lra-california-baja-california',
      at,
      persons: [...persons],
      status: 'confirmed',
      noticeDueAt: new Date(at.getTime() - 86_400_000),
      consularNoticeAt: new Date(at.getTime() - 2 * 86_400_000),
      receivedAt: new Date(at.getTime() + 15 * 60_000),
      receivedCount: persons.length,
    });
  }
  await insertPortStatus(db, {
    portId: 'san-ysidro',
    status: 'closed',
    at: tijuanaAt(now, 15, '09:00'),
    reason: 'bomb_threat',
  });
  await insertPortStatus(db, { portId: 'san-ysidro', status: 'open', at: tijuanaAt(now, 15, '12:30') });
}

/** The day San Diego – Tijuana last met (its meetings as the API lists them, the latest started). */
async function lastMeetingDay(page: Page, now: Date): Promise<Temporal.PlainDate> {
  const meetings = (await (
    await page.request.get(new URL(`/api/mechanisms/${SDT}/meetings`, page.url()).toString())
  ).json()) as Meeting[];
  const held = meetings
    .map((m) => Temporal.PlainDateTime.from(m.startsAt).toZonedDateTime(m.timeZone))
    .filter((start) => start.epochMilliseconds <= now.getTime())
    .sort((a, b) => Temporal.ZonedDateTime.compare(b, a));
  return held[0]!.toPlainDate();
}

/** Each chart's SVG and how many bars it draws. */
async function chartBars(page: Page, testId: string): Promise<number> {
  const chart = page.getByTestId(testId);
  await chart.locator('svg').first().waitFor();
  return chart.locator('svg rect').count();
}

describeInBrowser('the bilateral review report (browser, Spanish)', () => {
  const env = serverAndBrowser({ demoIncidents: true, seed: seedReview });

  it(
    'consul.tijuana prepares the review from the mechanism’s meetings: the Spanish report with its charts, printed to PDF with its header and charts',
    async () => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', {
        language: 'es',
        timezoneId: 'America/Mexico_City',
      });
      await page.goto(`${env.server.url}/#/mechanisms/${SDT}`);
      const prepare = page.getByTestId('prepare-review');
      const now = env.server.clock.now();
      const last = await lastMeetingDay(page, now);
      const spanishDate = (day: Temporal.PlainDate) =>
        new Intl.DateTimeFormat('es-MX', { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${day.toString()}T00:00:00Z`),
        );
      expect(await prepare.textContent()).toBe(`Preparar la revisión (desde el ${spanishDate(last)})`);
      await prepare.click();

      // The mechanism's report from the day of its last meeting up to today, on Tijuana's clock.
      const header = page.getByTestId('report-header');
      await header.waitFor();
      const url = new URL(page.url().replace('#/', ''));
      expect(Object.fromEntries(url.searchParams)).toEqual({
        period: 'custom',
        from: last.toString(),
        to: localDay(now, -1).toString(),
        mechanism: SDT,
      });
      const period = `Periodo: ${spanishDate(last)} – ${spanishDate(localDay(now, 0))}`;
      await header.getByTestId('report-scope-name').filter({ hasText: 'Mecanismo Tijuana – San Diego' }).waitFor();
      expect(await header.getByTestId('report-period').textContent()).toBe(period);
      // Its days on Tijuana's clock (the period may cross a change of the clocks).
      expect(await header.getByTestId('report-zone').textContent()).toMatch(/medianoche.+\(P[DS]T\)/);
      expect(await header.getByTestId('report-generated').textContent()).toMatch(
        /^Generado [^,]+, \d{2}:\d{2} P[DS]T · [^,]+, \d{2}:\d{2} UTC$/,
      );
      await page.getByTestId('report-drills-notice').waitFor();
      // The demo incidents near Tijuana are counted, and the page says so.
      expect(await page.getByTestId('report-demo-notice').textContent()).toMatch(
        /Las cifras incluyen \d+ incidentes? ficticios? de demostración/,
      );

      // The three charts are drawn, with bars where there is something to count.
      expect(await chartBars(page, 'chart-incidents-by-month')).toBeGreaterThan(0);
      expect(await chartBars(page, 'chart-acknowledgement')).toBeGreaterThan(0);
      expect(await chartBars(page, 'chart-repatriations-by-hour')).toBe(24);
      const figure = (testId: string) => page.getByTestId(testId).locator('dd').textContent();
      expect(await figure('figure-persons')).toBe('14');
      // The minor at 09:30 and the pregnant woman at 14:00 crossed in daylight (08:00–18:00); the ill man at 19:30 did not.
      expect(await figure('figure-daylight')).toBe('2 de 3 (67 %)');
      const closures = await page.getByTestId('table-closures').textContent();
      expect(closures).toContain('San Ysidro');
      expect(closures).toContain('amenaza de bomba');
      expect(closures).toContain('3 h 30 min');
      // Every place by name.
      expect(await page.getByTestId('report').textContent()).not.toMatch(/san-diego-tijuana|san-ysidro/);
      expect(await page.getByTestId('report-csv-repatriations').getAttribute('href')).toBe(
        `/api/reports/repatriations.csv?from=${last}&to=${localDay(now, -1)}&mechanism=${SDT}&lang=es`,
      );

      // Chromium's own print: the header with the period, one section a page, the charts as vector text.
      await mkdir(ARTIFACTS, { recursive: true });
      const pdf = await page.pdf({ format: 'Letter', printBackground: true });
      await writeFile(path.join(ARTIFACTS, 'report-es.pdf'), pdf);
      const pages = await pdfPages(new Uint8Array(pdf));
      const all = pages.join('\n');
      // The kicker is set in capitals.
      expect(pages[0]).toMatch(/revisión bilateral · plan de acción para la seguridad fronteriza/i);
      expect(pages[0]).toContain('Mecanismo Tijuana – San Diego');
      expect(pages[0]).toContain(period);
      expect(pages[0]).toMatch(/Generado .+ P[DS]T · .+ UTC/);
      expect(pages[0]).toContain('Los registros de simulacros quedan fuera de todas las cifras de este informe.');
      // No navigation chrome.
      expect(all).not.toContain('Cerrar sesión');
      expect(all).not.toContain('Consola de Operaciones Fronterizas');
      expect(all).not.toContain('Imprimir o guardar como PDF');
      // Each section after the first opens a page headed by what the report covers.
      const sections = [
        'Respuesta de cada gobierno',
        'Investigaciones',
        'Repatriaciones',
        'Puertos y avisos',
        'Mecanismos',
      ];
      const runningHead = `Informe de revisión · Mecanismo Tijuana – San Diego · ${period.replace('Periodo: ', '')}`;
      for (const title of sections) {
        const at = pages.findIndex(
          (text) => text.includes(`${runningHead}\n${title}`) || text.includes(`${runningHead}${title}`),
        );
        expect(at, `a page opening with ${title}`).toBeGreaterThan(0);
      }
      // The charts' SVG printed as text a reader can search: captions, axes, ticks.
      expect(all).toContain('Incidentes y fallecimientos por mes');
      expect(all).toContain('Tiempo de acuse de una alerta, por gobierno');
      expect(all).toContain('Minutos');
      expect(all).toContain('Hora (reloj del puerto)');
      expect(all).toMatch(/\b09:00\b[\s\S]*\b12:00\b/);
    },
    LONG_TIMEOUT_MS,
  );

  it.each([
    ['desktop', desktop],
    ['phone', phone],
  ] as const)(
    'at %s size in Spanish: nothing off the screen, no serious axe violation; screenshots kept',
    async (size, viewport) => {
      const page = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', { language: 'es', viewport });
      const now = env.server.clock.now();
      await page.goto(
        `${env.server.url}/#/reports?period=custom&from=${localDay(now, 45)}&to=${localDay(now, -1)}&mechanism=${SDT}`,
      );
      await page.getByTestId('report-header').waitFor();
      await page.getByTestId('chart-repatriations-by-hour').locator('svg').waitFor();
      await page.getByTestId('report-scope-name').filter({ hasText: 'Tijuana – San Diego' }).waitFor();

      const problems: string[] = [];
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`runs ${overflow}px off the right edge`);
      for (const v of await seriousAxeViolations(page))
        problems.push(`${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

      await mkdir(DOCS_SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(DOCS_SHOTS, `report-es-${viewport.width}.png`) });
      // The charts as the reader scrolls to them, and the whole report (the shell scrolls inside `.content`: let it grow).
      await page.getByTestId('chart-incidents-by-month').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `report-es-${size}-charts.png`) });
      await page.addStyleTag({ content: '.shell { height: auto } .content { overflow: visible }' });
      await page.screenshot({ path: path.join(ARTIFACTS, `report-es-${size}-full.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(ARTIFACTS, `report-es-${size}-print.png`), fullPage: true });
      expect(problems).toEqual([]);
    },
    LONG_TIMEOUT_MS,
  );
});
