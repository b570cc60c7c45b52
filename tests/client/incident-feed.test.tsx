import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { IncidentFeedPage } from '@client/features/incidents/components/incident-feed-page.js';
import { aPage, anIncident } from './support/factories.js';
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
});
