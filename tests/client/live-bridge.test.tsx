import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { incidentsManifest } from '@client/features/incidents/index.js';
import { IncidentFeedPage } from '@client/features/incidents/components/incident-feed-page.js';
import { aPage, anIncident } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const bridges = [incidentsManifest.liveBridge!];
const summaries = () =>
  screen.queryAllByTestId('incident-row').map((row) => row.querySelector('.feed-summary')?.textContent);

describe('incidents live bridge (live event → query cache)', () => {
  it('puts a reported incident at the top of the open feed without asking the API again', async () => {
    const earlier = anIncident({ createdAt: '2026-07-04T20:00:00.000Z' });
    const server = fakeServer({ 'GET /api/incidents': () => json(200, aPage([earlier])) });
    const { emit } = renderPage(<IncidentFeedPage />, { url: '/incidents', route: '/incidents', bridges });
    await screen.findByText(earlier.summary);

    const reported = anIncident({ createdAt: '2026-07-04T21:05:00.000Z' });
    emit({ seq: 41, kind: 'incident.created', data: { incidentId: reported.id, incident: reported } });

    await waitFor(() => expect(summaries()).toEqual([reported.summary, earlier.summary]));
    expect(server.to('GET /api/incidents')).toHaveLength(1);
  });

  it('leaves a filtered feed alone when the new incident does not match, and drops one that stops matching', async () => {
    const responding = anIncident({ status: 'responding' });
    const server = fakeServer({ 'GET /api/incidents': () => json(200, aPage([responding])) });
    const { emit } = renderPage(<IncidentFeedPage />, {
      url: '/incidents?status=responding',
      route: '/incidents',
      bridges,
    });
    await screen.findByText(responding.summary);

    const reported = anIncident({ status: 'reported' });
    emit({ seq: 42, kind: 'incident.created', data: { incidentId: reported.id, incident: reported } });
    const resolved = { ...responding, status: 'resolved' as const, version: 2 };
    emit({ seq: 43, kind: 'incident.updated', data: { incidentId: resolved.id, incident: resolved } });

    await waitFor(() => expect(summaries()).toEqual([]));
    expect(screen.getByText('No incidents match.')).toBeInTheDocument();
    expect(server.to('GET /api/incidents')).toHaveLength(1);
  });

  it('loads the feed again once the live connection subscribes, so a report made before it opened is not missed', async () => {
    const earlier = anIncident({ createdAt: '2026-07-04T20:00:00.000Z' });
    const reported = anIncident({ createdAt: '2026-07-04T21:05:00.000Z' });
    let answers = [earlier];
    const server = fakeServer({ 'GET /api/incidents': () => json(200, aPage(answers)) });
    const { goLive } = renderPage(<IncidentFeedPage />, {
      url: '/incidents',
      route: '/incidents',
      bridges,
      liveLater: true,
    });
    await screen.findByText(earlier.summary);

    // Reported after the feed loaded but before the socket subscribed: the log starts after it.
    answers = [reported, earlier];
    goLive();

    await waitFor(() => expect(summaries()).toEqual([reported.summary, earlier.summary]));
    expect(server.to('GET /api/incidents')).toHaveLength(2);
  });
});
