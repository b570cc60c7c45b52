import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '@shared/incidents/contract.js';
import { incidentsManifest } from '@client/features/incidents/index.js';
import { OperationsMapPanel } from '@client/features/incidents/components/operations-map-panel.js';
import { aMechanism, anIncident } from './support/factories.js';
import { fakeServer, type Request } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const bridges = [incidentsManifest.liveBridge!];
// A window of its own: the live bridge matches events against the browser's clock.
const URL_OF_VIEW = '/map?range=custom&from=2026-01-01T00:00:00.000Z';

/** The map answer as the server writes it: `limit` features of `total`. */
function mapAnswer(request: Request, total: number, features: Incident[]) {
  const limit = Number(request.params.get('limit') ?? 50_000);
  const listed = features.slice(0, limit).map((i) => ({
    type: 'Feature',
    id: i.id,
    geometry: { type: 'Point', coordinates: [i.location.lon, i.location.lat] },
    properties: {
      id: i.id,
      type: i.type,
      severity: i.severity,
      status: i.status,
      occurredAt: i.occurredAt,
      mechanismId: i.mechanismId,
      exercise: i.exercise,
    },
  }));
  const body = { type: 'FeatureCollection', features: listed, truncated: total > listed.length, limit, total };
  return new Response(JSON.stringify({ ...body, from: '2026-01-01T00:00:00.000Z', to: null }), {
    status: 200,
    headers: { 'content-type': 'application/geo+json' },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('operations map panel: counts from the server, exports on demand (issue 26)', () => {
  it('says how many incidents the map shows without loading them, and keeps the count live', async () => {
    const stored = [anIncident(), anIncident()];
    let total = 1_234_567;
    const server = fakeServer({
      'GET /api/incidents.geojson': (request) => mapAnswer(request, total, stored),
      'GET /api/mechanisms': () => new Response(JSON.stringify([aMechanism()]), { status: 200 }),
    });
    const { emit } = renderPage(<OperationsMapPanel />, { url: URL_OF_VIEW, route: '/map', bridges });

    expect(await screen.findByText('1,234,567 incidents on the map')).toBeInTheDocument();
    // Only counts are asked for: the map draws from tiles.
    expect(server.to('GET /api/incidents.geojson').every((r) => r.params.get('limit') === '1')).toBe(true);
    // The export holds the newest 50,000, and says so before anyone downloads it.
    expect(screen.getByTestId('export-cut')).toHaveTextContent('newest 50,000 of these 1,234,567 incidents');

    // A report matching the view adds one, with no request.
    const asked = server.requests.length;
    const reported = anIncident({ createdAt: '2026-07-05T08:00:00.000Z' });
    emit({ seq: 7, kind: 'incident.created', data: { incidentId: reported.id, incident: reported } });
    expect(await screen.findByText('1,234,568 incidents on the map')).toBeInTheDocument();
    expect(server.requests).toHaveLength(asked);

    // A change to an incident the count doesn't list may already be counted: the count is asked again.
    total = 1_234_560;
    const closed = { ...stored[1]!, status: 'closed' as const, version: 3 };
    emit({ seq: 8, kind: 'incident.updated', data: { incidentId: closed.id, incident: closed } });
    expect(await screen.findByText('1,234,560 incidents on the map')).toBeInTheDocument();
  });

  it('loads the incidents when an export is asked for, and writes one CSV row each', async () => {
    const stored = [anIncident({ type: 'drowning' }), anIncident({ type: 'death' })];
    const server = fakeServer({
      'GET /api/incidents.geojson': (request) => mapAnswer(request, stored.length, stored),
      'GET /api/mechanisms': () => new Response(JSON.stringify([aMechanism()]), { status: 200 }),
    });
    const saved: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (saved.push(blob), 'blob:csv') }));
    renderPage(<OperationsMapPanel />, { url: URL_OF_VIEW, route: '/map', bridges });
    await screen.findByText('2 incidents on the map');
    expect(screen.queryByTestId('export-cut')).toBeNull();

    await userEvent.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(saved).toHaveLength(1));
    const full = server.to('GET /api/incidents.geojson').filter((r) => !r.params.has('limit'));
    expect(full).toHaveLength(1);
    const rows = (await saved[0]!.text()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((row) => row.split(',')[1])).toEqual(['Drowning', 'Death']);
  });
});
