import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IncidentFeedPage } from '@client/features/incidents/components/incident-feed-page.js';
import { aMechanism, aPage, anIncident, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const rows = () => screen.queryAllByTestId('incident-row');
const statusFilter = () => screen.getByRole('combobox', { name: 'Status' });
const typeFilter = () => screen.getByRole('combobox', { name: 'Type' });

describe('incident feed filters (URL search params)', () => {
  it('opens with the filters of the URL and asks the API for exactly those', async () => {
    const drowning = anIncident({ type: 'drowning', status: 'responding' });
    const server = fakeServer({ 'GET /api/incidents': () => json(200, aPage([drowning])) });
    renderPage(<IncidentFeedPage />, { url: '/incidents?status=responding&type=drowning', route: '/incidents' });

    await screen.findByText(drowning.summary);
    expect(statusFilter()).toHaveValue('responding');
    expect(typeFilter()).toHaveValue('drowning');
    const [request] = server.to('GET /api/incidents');
    expect(request?.params.get('status')).toBe('responding');
    expect(request?.params.get('type')).toBe('drowning');
  });

  it('writes a changed filter into the URL and clears it again with “Any”', async () => {
    const server = fakeServer({ 'GET /api/incidents': () => json(200, aPage([])) });
    const { router } = renderPage(<IncidentFeedPage />, { url: '/incidents', route: '/incidents' });
    const user = userEvent.setup();
    await screen.findByText('No incidents match.');

    await user.selectOptions(statusFilter(), 'resolved');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('status')).toBe('resolved'));
    await waitFor(() => expect(server.to('GET /api/incidents').at(-1)?.params.get('status')).toBe('resolved'));

    await user.selectOptions(typeFilter(), 'heat_exposure');
    await waitFor(() => expect(router.state.location.search).toBe('?status=resolved&type=heat_exposure'));

    await user.selectOptions(statusFilter(), '');
    await waitFor(() => expect(router.state.location.search).toBe('?type=heat_exposure'));
    await waitFor(() => expect(server.to('GET /api/incidents').at(-1)?.params.has('status')).toBe(false));
  });

  it('ignores a value the schema rejects (an outdated or hand-edited link)', async () => {
    const server = fakeServer({ 'GET /api/incidents': () => json(200, aPage([])) });
    renderPage(<IncidentFeedPage />, { url: '/incidents?status=lost&type=drowning', route: '/incidents' });

    await screen.findByText('No incidents match.');
    expect(statusFilter()).toHaveValue('');
    expect(typeFilter()).toHaveValue('drowning');
    expect(server.to('GET /api/incidents')[0]?.params.has('status')).toBe(false);
  });

  it('shows the answer for the filter chosen last, even when an earlier request answers after it', async () => {
    const reported = anIncident({ status: 'reported' });
    const closed = anIncident({ status: 'closed' });
    let answerReported: () => void = () => undefined;
    fakeServer({
      'GET /api/incidents': ({ params }) =>
        params.get('status') === 'reported'
          ? new Promise((resolve) => (answerReported = () => resolve(json(200, aPage([reported])))))
          : json(200, aPage(params.get('status') === 'closed' ? [closed] : [])),
    });
    const { queryClient } = renderPage(<IncidentFeedPage />, { url: '/incidents', route: '/incidents' });
    const user = userEvent.setup();
    await screen.findByText('No incidents match.');

    await user.selectOptions(statusFilter(), 'reported');
    await user.selectOptions(statusFilter(), 'closed');
    await screen.findByText(closed.summary);
    answerReported();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0)); // the slow answer has arrived

    expect(rows()).toHaveLength(1);
    expect(within(rows()[0]!).getByText(closed.summary)).toBeInTheDocument();
    expect(screen.queryByText(reported.summary)).not.toBeInTheDocument();
  });

  it('filters by severity, mechanism and date range, all in the URL, and asks for the reader’s whole days', async () => {
    const server = fakeServer({
      'GET /api/incidents': () => json(200, aPage([])),
      'GET /api/mechanisms': () =>
        json(200, [aMechanism({ id: 'laredo-nuevo-laredo', usCity: 'Laredo', mxCity: 'Nuevo Laredo' })]),
    });
    const { router } = renderPage(<IncidentFeedPage />, {
      url: '/incidents?severity=critical&mechanism=laredo-nuevo-laredo',
      route: '/incidents',
      language: 'es',
    });
    const user = userEvent.setup();
    await screen.findByText('Ningún incidente coincide.');
    expect(screen.getByRole('combobox', { name: 'Gravedad' })).toHaveValue('critical');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Mecanismo' })).toHaveValue('laredo-nuevo-laredo'));
    expect(screen.getByRole('option', { name: 'Nuevo Laredo – Laredo' })).toBeInTheDocument();

    // Spanish writes the day first.
    await user.type(screen.getByRole('textbox', { name: 'Ocurrido desde' }), '01/07/2026');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('from')).toBe('2026-07-01'));
    const request = server.to('GET /api/incidents').at(-1)!;
    expect(request.params.get('severity')).toBe('critical');
    expect(request.params.get('mechanismId')).toBe('laredo-nuevo-laredo');
    // Midnight in Tijuana (PDT) is 07:00 UTC.
    expect(request.params.get('from')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('keeps to what awaits the reader’s government, with each deadline counting down and the place in words', async () => {
    const waiting = anIncident({ reportingCountry: 'US' });
    const server = fakeServer({
      'GET /api/incidents': () => json(200, aPage([waiting])),
      'GET /api/incidents/awaiting-acknowledgement': () =>
        json(200, {
          government: 'MX',
          items: [
            {
              incidentId: waiting.id,
              alertId: crypto.randomUUID(),
              tier: 'local',
              ackDeadline: '2026-07-04T21:20:00.000Z',
            },
          ],
        }),
    });
    renderPage(<IncidentFeedPage />, {
      url: '/incidents?awaiting=mine',
      route: '/incidents',
      user: aUser({ country: 'MX', role: 'consular' }),
      now: Date.parse('2026-07-04T21:07:30Z'),
    });

    const row = await screen.findByTestId('incident-row');
    expect(within(row).getByTestId('row-deadline')).toHaveTextContent('Acknowledgement by Mexico due in 12:30');
    expect(within(row).getByTestId('place-line')).toHaveTextContent(
      '1 km S of San Ysidro · San Diego – Tijuana mechanism',
    );
    expect(screen.getByRole('checkbox', { name: /Awaiting acknowledgement by Mexico/ })).toBeChecked();
    expect(screen.getByTestId('awaiting-filter-count')).toHaveTextContent('1');
    expect(server.to('GET /api/incidents')[0]?.params.get('awaiting')).toBe('MX');
  });
});
