import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { IncidentDetailPage } from '@client/features/incidents/components/incident-detail-page.js';
import { anIncidentDetail } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

// No WebGL here: the incident's small map is a stand-in.
vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

describe('incident page: a change made on an outdated version (409)', () => {
  it('switches to the server’s state, keeps the officer’s change, and re-applies it on the current version', async () => {
    const seen = anIncidentDetail({ status: 'reported', version: 2 });
    const current: IncidentDetail = { ...seen, summary: 'Edited meanwhile by the MX consulate', version: 3 };
    const patches: unknown[] = [];
    fakeServer({
      [`GET /api/incidents/${seen.id}`]: () => json(200, seen),
      [`PATCH /api/incidents/${seen.id}`]: ({ body }) => {
        patches.push(body);
        return patches.length === 1
          ? json(409, { statusCode: 409, code: 'version_conflict', message: 'Version conflict', current })
          : json(200, { ...current, status: 'responding', version: 4 });
      },
    });
    renderPage(<IncidentDetailPage />, { url: `/incidents/${seen.id}`, route: '/incidents/:id' });
    const user = userEvent.setup();

    await user.click(await screen.findByTestId('status-responding'));

    const conflict = await screen.findByTestId('version-conflict');
    expect(conflict).toHaveTextContent('Someone else changed this incident.');
    expect(conflict).toHaveTextContent('Your change: Start responding');
    expect(screen.getByText('Edited meanwhile by the MX consulate')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Re-apply my change' }));

    await waitFor(() => expect(screen.queryByTestId('version-conflict')).not.toBeInTheDocument());
    expect(document.querySelector('.badge.status-responding')).toHaveTextContent('Responding');
    expect(patches).toEqual([
      { status: 'responding', version: 2 },
      { status: 'responding', version: 3 },
    ]);
  });
});
