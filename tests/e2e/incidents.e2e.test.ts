import { expect, it } from 'vitest';
import {
  describeInBrowser,
  E2E_TIMEOUT_MS,
  markPage,
  newSignedInPage,
  pageWasNotReloaded,
  serverAndBrowser,
  waitUntilLive,
} from './support/browser.js';

describeInBrowser('rapid response: report, live alert, acknowledgement (browser)', () => {
  const env = serverAndBrowser();

  it(
    'a US liaison reports near Tijuana; the MX consul sees it live and acknowledges; the US side sees the MX acknowledgement',
    async () => {
      const [us, mx] = await Promise.all([
        newSignedInPage(env.browser, env.server.url, 'liaison.sandiego'),
        newSignedInPage(env.browser, env.server.url, 'consul.tijuana'),
      ]);
      await mx.goto(`${env.server.url}/#/incidents`);
      await Promise.all([waitUntilLive(us), waitUntilLive(mx)]);
      await markPage(mx);

      await us.goto(`${env.server.url}/#/incidents/new`);
      const form = us.getByTestId('report-form');
      // Instant validation: the shared schema's message appears beside the field before any request.
      await us.getByTestId('submit-incident').click();
      await expect
        .poll(() =>
          form
            .locator('.field-invalid')
            .filter({ has: us.locator('textarea[name=summary]') })
            .textContent(),
        )
        .toContain('must not be empty');

      const summary = `Group of 6 in distress near the Tijuana river levee ${Date.now()}`;
      await form.locator('select[name=type]').selectOption('migrant_distress');
      await form.locator('select[name=severity]').selectOption('critical');
      await form.locator('textarea[name=summary]').fill(summary);
      await form.locator('input[name="location.lat"]').fill('32.54');
      await form.locator('input[name="location.lon"]').fill('-117.03');
      await form.locator('input[name="people.rescued"]').fill('6');
      await us.getByTestId('submit-incident').click();
      await us.getByTestId('incident-detail').waitFor();
      await markPage(us);
      expect(await us.getByTestId('ack-MX').getAttribute('data-state')).toBe('pending');

      const toast = mx.getByTestId('incident-toast').filter({ hasText: summary });
      await toast.waitFor({ timeout: 10_000 });
      await mx.getByTestId('incident-row').filter({ hasText: summary }).waitFor({ timeout: 5_000 });
      expect(await pageWasNotReloaded(mx)).toBe(true);
      // The officer who reported it is not alerted about their own report.
      expect(await us.getByTestId('incident-toast').count()).toBe(0);

      await toast.getByRole('link').click();
      await mx.getByTestId('incident-detail').waitFor();
      await mx.getByTestId('acknowledge').click();
      const mxClock = mx.locator('[data-testid=ack-MX][data-state=acknowledged]');
      await mxClock.waitFor({ timeout: 10_000 });
      // On the place's clock (Tijuana: Pacific time), with its zone.
      expect(await mxClock.textContent()).toMatch(/^Mexico acknowledged \d{1,2}:\d\d (AM|PM) P[SD]T by /);
      expect(await mx.getByTestId('acknowledge').count()).toBe(0);

      await us.locator('[data-testid=ack-MX][data-state=acknowledged]').waitFor({ timeout: 10_000 });
      // The U.S. acknowledged by reporting it.
      expect(await us.getByTestId('ack-US').textContent()).toContain('U.S. acknowledged with the report');
      expect(await pageWasNotReloaded(us)).toBe(true);
    },
    E2E_TIMEOUT_MS,
  );

  it(
    'an alert Mexico leaves unacknowledged past its deadline reaches the Mexico City desk as a live escalation',
    async () => {
      const [us, desk] = await Promise.all([
        newSignedInPage(env.browser, env.server.url, 'liaison.sandiego'),
        newSignedInPage(env.browser, env.server.url, 'central.mx'),
      ]);
      await desk.goto(`${env.server.url}/#/central-desk`);
      await Promise.all([waitUntilLive(us), waitUntilLive(desk)]);

      const summary = `Person trapped in the Tijuana river channel ${Date.now()}`;
      await us.goto(`${env.server.url}/#/incidents/new`);
      const form = us.getByTestId('report-form');
      await form.locator('select[name=type]').selectOption('drowning');
      await form.locator('select[name=severity]').selectOption('critical');
      await form.locator('textarea[name=summary]').fill(summary);
      await form.locator('input[name="location.lat"]').fill('32.53');
      await form.locator('input[name="location.lon"]').fill('-117.05');
      await us.getByTestId('submit-incident').click();
      await us.getByTestId('incident-detail').waitFor();
      // Reporting it is the U.S. acknowledgement: only Mexico's clock runs.
      await us.locator('[data-testid=ack-US][data-state=acknowledged]').waitFor();
      expect(await us.getByTestId('acknowledge').count()).toBe(0);

      env.server.clock.advance(11);
      await env.server.app.dueWork.tick();

      const toast = desk.getByTestId('escalation-toast').filter({ hasText: summary });
      await toast.waitFor({ timeout: 10_000 });
      expect(await toast.textContent()).toContain('Not acknowledged by: Mexico');
      await desk.getByTestId('escalations').getByText(summary).waitFor({ timeout: 10_000 });
    },
    E2E_TIMEOUT_MS,
  );
});
