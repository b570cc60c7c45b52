import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '@shared/incidents/contract.js';
import { IncidentDetailPage } from '@client/features/incidents/components/incident-detail-page.js';
import { incidentKeys } from '@client/features/incidents/api/keys.js';
import { anIncidentDetail } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

// No WebGL here: the incident's small map is a stand-in.
vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

const PAGE = 100;

/** Entry `n` of the timeline (ids are the order they were written, as the server's are): the report, then notes. */
function entry(n: number): TimelineEntry {
  const written = { id: String(n), text: `note ${n}`, by: 'Jordan Placeholder', at: '2026-07-04T21:05:00.000Z' };
  return n === 1
    ? { ...written, kind: 'reported', data: { type: 'drowning', severity: 'high' } }
    : { ...written, kind: 'note', data: {} };
}

/** A server holding `timeline.length` entries: the incident answers its newest page, the timeline route older ones. */
function serve(incidentId: string, timeline: { length: number }) {
  const all = () => Array.from({ length: timeline.length }, (_, i) => entry(i + 1));
  const before = (cursor: number | null) => {
    const older = all().filter((e) => cursor === null || Number(e.id) < cursor);
    const items = older.slice(-PAGE);
    return { items, nextCursor: older.length > items.length ? items[0]!.id : null };
  };
  return fakeServer({
    [`GET /api/incidents/${incidentId}`]: () => {
      const { items, nextCursor } = before(null);
      return json(200, anIncidentDetail({ id: incidentId, timeline: items, timelineNextCursor: nextCursor }));
    },
    [`GET /api/incidents/${incidentId}/timeline`]: (request) => json(200, before(Number(request.params.get('before')))),
  });
}

const shownNotes = () =>
  within(screen.getByTestId('timeline'))
    .getAllByRole('listitem')
    .map((item) => Number(/note (\d+)/.exec(item.textContent ?? '')![1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('incident timeline, paged', () => {
  it('opens on the newest page and shows older entries a page at a time until the report', async () => {
    const detail = anIncidentDetail();
    const server = serve(detail.id, { length: 250 });
    renderPage(<IncidentDetailPage />, { url: `/incidents/${detail.id}`, route: '/incidents/:id' });

    await screen.findByTestId('timeline');
    expect(shownNotes()).toEqual(range(151, 250));
    const older = screen.getByRole('button', { name: 'Show older entries' });

    await userEvent.click(older);
    await vi.waitFor(() => expect(shownNotes()).toEqual(range(51, 250)));
    await userEvent.click(screen.getByRole('button', { name: 'Show older entries' }));
    await vi.waitFor(() => expect(shownNotes()).toEqual(range(1, 250)));

    expect(screen.queryByTestId('timeline-older')).not.toBeInTheDocument();
    expect(server.to(`GET /api/incidents/${detail.id}/timeline`).map((r) => r.params.get('before'))).toEqual([
      '151',
      '51',
    ]);
  });

  it('keeps what it showed when a live change moves the newest page on, each entry once', async () => {
    const detail = anIncidentDetail();
    const timeline = { length: 250 };
    serve(detail.id, timeline);
    const { queryClient } = renderPage(<IncidentDetailPage />, {
      url: `/incidents/${detail.id}`,
      route: '/incidents/:id',
      language: 'es',
    });
    await screen.findByTestId('timeline');
    await userEvent.click(screen.getByRole('button', { name: 'Mostrar entradas anteriores' }));
    await vi.waitFor(() => expect(shownNotes()).toEqual(range(51, 250)));

    // Three notes arrive: the incident's page is now 154–253; 151–153 slid out of it but stay on screen.
    timeline.length = 253;
    await act(() => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(detail.id) }));
    await vi.waitFor(() => expect(shownNotes()).toEqual(range(51, 253)));

    await userEvent.click(screen.getByRole('button', { name: 'Mostrar entradas anteriores' }));
    await vi.waitFor(() => expect(shownNotes()).toEqual(range(1, 253)));
  });

  it('has no button when the incident’s page is its whole timeline', async () => {
    const detail = anIncidentDetail();
    serve(detail.id, { length: 12 });
    renderPage(<IncidentDetailPage />, { url: `/incidents/${detail.id}`, route: '/incidents/:id' });
    await screen.findByTestId('timeline');
    expect(shownNotes()).toEqual(range(1, 12));
    expect(screen.queryByTestId('timeline-older')).not.toBeInTheDocument();
  });
});
