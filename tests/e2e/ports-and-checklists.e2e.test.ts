import { expect, it } from 'vitest';
import {
  describeInBrowser,
  E2E_TIMEOUT_MS,
  markPage,
  newSignedInPage,
  pageWasNotReloaded,
  phone,
  serverAndBrowser,
  waitUntilLive,
} from './support/browser.js';

describeInBrowser('emergencies at crossing points: ports board and checklists, live on both sides (browser)', () => {
  const env = serverAndBrowser();

  it(
    'the San Diego liaison officer closes Otay Mesa for a bomb threat; the Tijuana consul, reading Spanish, sees it live',
    async () => {
      const us = await newSignedInPage(env.browser, env.server.url, 'liaison.sandiego');
      const mx = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', { language: 'es' });
      await mx.goto(`${env.server.url}/#/ports`);
      await mx.getByRole('heading', { name: 'Puertos y puentes', level: 1 }).waitFor();
      // The consul reads the board and is told why they can't change it.
      expect(await mx.getByTestId('ports-read-only').textContent()).toContain('Solo los oficiales de enlace');
      await us.goto(`${env.server.url}/#/ports`);
      await us.getByRole('heading', { name: 'Ports and bridges', level: 1 }).waitFor();
      await Promise.all([waitUntilLive(us), waitUntilLive(mx)]);
      await markPage(mx);
      const mxOtay = mx.locator('[data-port-id=otay-mesa]');
      expect(await mxOtay.locator('[data-status=open]').textContent()).toContain('Abierto');

      const otay = us.locator('[data-port-id=otay-mesa]');
      await otay.getByTestId('port-change').click();
      await otay.getByTestId('port-reason').selectOption('bomb_threat');
      await otay.locator('textarea').fill('Suspicious package, pedestrian lanes');
      await otay.getByRole('button', { name: 'Save' }).click();
      await otay.getByRole('button', { name: 'Yes, close the port' }).click();
      await otay.locator('[data-status=closed]').waitFor();

      await mxOtay.locator('[data-status=closed]').waitFor({ timeout: 10_000 });
      const row = (await mxOtay.textContent()) ?? '';
      expect(row).toContain('Cerrado');
      expect(row).toContain('amenaza de bomba');
      expect(row).toContain('Suspicious package, pedestrian lanes');
      expect(row).toContain('por Jordan Placeholder');
      const toast = mx.getByTestId('port-toast').filter({ hasText: 'Otay Mesa' });
      await toast.waitFor({ timeout: 10_000 });
      expect(await toast.textContent()).toContain('ahora está cerrado');
      expect(await pageWasNotReloaded(mx)).toBe(true);

      // Repatriation through the closed port is refused, and allowed again once it reopens.
      const check = async () =>
        (
          await mx.request.post(`${env.server.url}/api/repatriation/check`, {
            data: {
              portId: 'otay-mesa',
              at: new Date(Date.now() + 26 * 3_600_000).toISOString(),
              persons: [{ nationality: 'MX', category: 'adult_male' }],
            },
          })
        ).json() as Promise<{ violations: { code: string }[] }>;
      expect((await check()).violations.map((v) => v.code)).toContain('PORT_CLOSED');

      await mx.screenshot({ path: 'test-results/ports-board-es-desktop.png' });
      await us.screenshot({ path: 'test-results/ports-board-en-desktop.png' });
      await mx.setViewportSize(phone);
      await us.setViewportSize(phone);
      await mxOtay.scrollIntoViewIfNeeded();
      await mx.screenshot({ path: 'test-results/ports-board-es-phone.png' });
      await otay.scrollIntoViewIfNeeded();
      await us.screenshot({ path: 'test-results/ports-board-en-phone.png' });

      await otay.getByTestId('port-change').click();
      await otay.getByRole('button', { name: 'Save' }).click();
      await mxOtay.locator('[data-status=open]').waitFor({ timeout: 10_000 });
      expect((await check()).violations.map((v) => v.code)).not.toContain('PORT_CLOSED');
      await us.context().close();
      await mx.context().close();
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'a bomb-threat checklist ticked by the U.S. liaison officer shows ticked on the Mexican consul’s incident page, live',
    async () => {
      const us = await newSignedInPage(env.browser, env.server.url, 'liaison.sandiego');
      const mx = await newSignedInPage(env.browser, env.server.url, 'consul.tijuana', { language: 'es' });
      const reported = await us.request.post(`${env.server.url}/api/incidents`, {
        data: {
          type: 'bomb_threat',
          severity: 'critical',
          summary: 'Bomb threat phoned in at the San Ysidro pedestrian crossing',
          location: { lat: 32.542, lon: -117.029 },
          occurredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
          people: { rescued: 0, injured: 0, deceased: 0 },
        },
      });
      expect(reported.status()).toBe(201);
      const { id } = (await reported.json()) as { id: string };

      await us.goto(`${env.server.url}/#/incidents/${id}`);
      await mx.goto(`${env.server.url}/#/incidents/${id}`);
      const usPanel = us.getByTestId('checklist-panel');
      const mxPanel = mx.getByTestId('checklist-panel');
      await mxPanel.getByText('Aún no se ha iniciado ninguna lista.').waitFor();
      await Promise.all([waitUntilLive(us), waitUntilLive(mx)]);
      await markPage(mx);

      expect(await usPanel.getByTestId('checklist-kind').inputValue()).toBe('bomb_threat');
      await usPanel.getByTestId('checklist-start').click();
      await mxPanel.getByRole('heading', { name: 'Amenaza de bomba' }).waitFor({ timeout: 10_000 });

      const usStep = usPanel.locator('[data-step=evacuate_us]');
      // The box follows the server's answer (controlled), so click and wait for who ticked it.
      await usStep.getByRole('checkbox').click();
      await usStep.getByText(/done by Jordan Placeholder/).waitFor();

      const mxStep = mxPanel.locator('[data-step=evacuate_us]');
      await mxStep.getByText(/hecho por Jordan Placeholder/).waitFor({ timeout: 10_000 });
      expect(await mxStep.getByRole('checkbox').isChecked()).toBe(true);
      expect(await mxStep.textContent()).toContain('Evacuar y acordonar el lado estadounidense del cruce.');
      expect(await mxStep.textContent()).toContain('Lado estadounidense');
      expect(await mxPanel.getByTestId('checklist-progress').textContent()).toBe('1 de 7 hechos');
      // …and on the incident's timeline, in Spanish.
      await mx
        .getByTestId('timeline')
        .getByText(/marcó un paso de «Amenaza de bomba»/)
        .waitFor({ timeout: 10_000 });
      expect(await pageWasNotReloaded(mx)).toBe(true);

      await mxPanel.scrollIntoViewIfNeeded();
      await mx.screenshot({ path: 'test-results/checklist-es-desktop.png', fullPage: true });
      await usPanel.scrollIntoViewIfNeeded();
      await us.screenshot({ path: 'test-results/checklist-en-desktop.png', fullPage: true });
      await mx.setViewportSize(phone);
      await us.setViewportSize(phone);
      await mxPanel.scrollIntoViewIfNeeded();
      await mx.screenshot({ path: 'test-results/checklist-es-phone.png' });
      await usStep.scrollIntoViewIfNeeded();
      await us.screenshot({ path: 'test-results/checklist-en-phone.png' });
      await us.context().close();
      await mx.context().close();
    },
    E2E_TIMEOUT_MS,
  );
});
