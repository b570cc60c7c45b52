import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Incident } from '@shared/incidents/contract.js';
import type { SarOperation, SarSector, SarTeam } from '@shared/sar/contract.js';
import { IncidentDetailPage } from '@client/features/incidents/components/incident-detail-page.js';
import { SarPanel } from '@client/features/sar/components/sar-panel.js';
import { sarManifest } from '@client/features/sar/index.js';
import { sarLiveBridge } from '@client/features/sar/live-bridge.js';
import { anIncident, anIncidentDetail, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

// No WebGL here: maps are stand-ins (the sector list and the legend carry the same facts).
vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

const team = (over: Partial<SarTeam> = {}): SarTeam => ({
  id: crypto.randomUUID(),
  kind: 'grupo_beta',
  side: 'MX',
  name: 'Grupo Beta Tijuana',
  contact: null,
  addedAt: '2026-07-04T21:00:00.000Z',
  ...over,
});
const sector = (over: Partial<SarSector> = {}): SarSector => ({
  id: crypto.randomUUID(),
  name: 'A1',
  polygon: {
    type: 'Polygon',
    coordinates: [
      [
        [-116.9, 32.5],
        [-116.88, 32.5],
        [-116.88, 32.52],
        [-116.9, 32.5],
      ],
    ],
  },
  status: 'assigned',
  teamId: null,
  updatedAt: '2026-07-04T21:00:00.000Z',
  updatedBy: 'Jordan Placeholder',
  ...over,
});
const anOperation = (incident: Incident, over: Partial<SarOperation> = {}): SarOperation => ({
  id: crypto.randomUUID(),
  incidentId: incident.id,
  mechanismId: incident.mechanismId,
  exercise: incident.exercise,
  status: 'open',
  outcome: null,
  outcomeNote: null,
  openedBy: 'Jordan Placeholder',
  openedAt: '2026-07-04T21:00:00.000Z',
  closedBy: null,
  closedAt: null,
  version: 1,
  teams: [],
  assets: [],
  sectors: [],
  log: [],
  ...over,
});
/** The API's answer for an incident without an operation: an ordinary 200 with null. */
const none = () => json(200, null);

function panel(incident: Incident, options: Parameters<typeof renderPage>[1] = {}) {
  return renderPage(<SarPanel incident={incident} timeZone="America/Tijuana" />, {
    bridges: [sarLiveBridge],
    ...options,
  });
}

describe('search-and-rescue panel', () => {
  it('follows an operation live in Spanish: opened, a team, a sector marked searched', async () => {
    const incident = anIncident();
    fakeServer({ [`GET /api/incidents/${incident.id}/sar`]: none });
    const { emit } = panel(incident, { language: 'es' });
    expect(await screen.findByText('Este incidente no tiene operación de búsqueda y rescate.')).toBeInTheDocument();

    const beta = team();
    const operation = anOperation(incident, {
      version: 3,
      teams: [beta],
      sectors: [sector({ status: 'searched', teamId: beta.id })],
    });
    emit({
      seq: 1,
      kind: 'sar.updated',
      data: { incidentId: incident.id, operationId: operation.id, change: 'sectorStatus', operation },
    });

    expect(await screen.findByTestId('sar-status')).toHaveTextContent('En curso');
    expect(within(screen.getByTestId('sar-teams')).getByText('Grupo Beta Tijuana')).toBeInTheDocument();
    const row = screen.getByTestId('sar-sector');
    expect(row).toHaveTextContent('A1');
    expect(within(row).getByTestId('sector-status')).toHaveTextContent('Rastreado');
    expect(row).toHaveTextContent('Grupo Beta Tijuana');
    // An older event arriving late doesn't undo what is shown.
    emit({
      seq: 2,
      kind: 'sar.updated',
      data: {
        incidentId: incident.id,
        operationId: operation.id,
        change: 'team',
        operation: { ...operation, version: 2, sectors: [] },
      },
    });
    expect(screen.getByTestId('sar-sector')).toBeInTheDocument();
  });

  it('marks a sector searched with the PATCH the API takes, and shows the answer', async () => {
    const incident = anIncident();
    const a1 = sector();
    const operation = anOperation(incident, { sectors: [a1] });
    const server = fakeServer({
      [`GET /api/incidents/${incident.id}/sar`]: () => json(200, operation),
      [`PATCH /api/incidents/${incident.id}/sar/sectors/${a1.id}`]: () =>
        json(200, { ...operation, version: 2, sectors: [{ ...a1, status: 'searched' }] }),
    });
    panel(incident);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mark searched' }));

    await waitFor(() => expect(screen.getByTestId('sector-status')).toHaveTextContent('Searched'));
    expect(server.to(`PATCH /api/incidents/${incident.id}/sar/sectors/${a1.id}`)[0]?.body).toEqual({
      status: 'searched',
    });
    expect(screen.getByRole('button', { name: 'Back to assigned' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Mark searched' })).not.toBeInTheDocument();
  });

  it('a closed operation is read-only and says how it ended and why', async () => {
    const incident = anIncident();
    const operation = anOperation(incident, {
      status: 'closed',
      outcome: 'called_off',
      outcomeNote: 'Storm over the mountains; resumes at dawn under a new operation',
      closedBy: 'Rodrigo Ficticio',
      closedAt: '2026-07-04T23:00:00.000Z',
      sectors: [sector()],
    });
    fakeServer({ [`GET /api/incidents/${incident.id}/sar`]: () => json(200, operation) });
    panel(incident);

    expect(await screen.findByTestId('sar-closed-notice')).toHaveTextContent(
      'Closed by Rodrigo Ficticio: Called off. It can no longer be changed.',
    );
    expect(screen.getByTestId('sar-closed-notice')).toHaveTextContent('Storm over the mountains');
    expect(screen.queryByRole('button', { name: /Mark|Add|Log progress|Close the operation/ })).not.toBeInTheDocument();
  });

  it('a closed incident offers no new operation and says why', async () => {
    const incident = anIncident({ status: 'closed' });
    fakeServer({ [`GET /api/incidents/${incident.id}/sar`]: none });
    panel(incident, { language: 'es' });
    expect(await screen.findByTestId('sar-incident-closed')).toHaveTextContent(
      'El incidente está cerrado: ya no se puede abrir ni modificar una operación de búsqueda y rescate.',
    );
    expect(screen.queryByTestId('sar-open')).not.toBeInTheDocument();
  });

  it('officers of another mechanism read it but are offered no changes', async () => {
    const incident = anIncident({ mechanismId: 'san-diego-tijuana' });
    const operation = anOperation(incident, { sectors: [sector()] });
    fakeServer({ [`GET /api/incidents/${incident.id}/sar`]: () => json(200, operation) });
    panel(incident, { user: aUser({ role: 'liaison', mechanismId: 'laredo-nuevo-laredo' }) });
    expect(await screen.findByTestId('sar-sector')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('refuses a called-off closing without a reason, worded beside the field', async () => {
    const incident = anIncident();
    const server = fakeServer({ [`GET /api/incidents/${incident.id}/sar`]: () => json(200, anOperation(incident)) });
    panel(incident, { language: 'es' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cerrar la operación' }));
    await user.selectOptions(screen.getByTestId('sar-outcome'), 'called_off');
    await user.click(screen.getByTestId('sar-close'));
    expect(await screen.findByText('indique por qué se suspendió la búsqueda')).toBeInTheDocument();
    expect(server.to(`POST /api/incidents/${incident.id}/sar/close`)).toHaveLength(0);
  });
});

describe('exercise marking on the incident page', () => {
  it('marks an exercise incident and its operation SIMULACRO in Spanish', async () => {
    const detail = anIncidentDetail({ exercise: true });
    fakeServer({
      [`GET /api/incidents/${detail.id}`]: () => json(200, detail),
      [`GET /api/incidents/${detail.id}/sar`]: () => json(200, anOperation(detail)),
    });
    renderPage(<IncidentDetailPage />, {
      url: `/incidents/${detail.id}`,
      route: '/incidents/:id',
      language: 'es',
      features: [sarManifest],
    });
    expect(await screen.findByTestId('exercise-notice')).toHaveTextContent(
      'SIMULACRO: este incidente se reportó en un ejercicio.',
    );
    expect(screen.getAllByTestId('exercise-badge')[0]).toHaveTextContent('SIMULACRO');
    expect(await screen.findByTestId('sar-exercise-badge')).toHaveTextContent('SIMULACRO');
  });

  it('shows no exercise mark on a real incident', async () => {
    const detail = anIncidentDetail();
    fakeServer({
      [`GET /api/incidents/${detail.id}`]: () => json(200, detail),
      [`GET /api/incidents/${detail.id}/sar`]: none,
    });
    renderPage(<IncidentDetailPage />, {
      url: `/incidents/${detail.id}`,
      route: '/incidents/:id',
      features: [sarManifest],
    });
    expect(await screen.findByText('No search-and-rescue operation on this incident.')).toBeInTheDocument();
    expect(screen.queryByTestId('exercise-badge')).not.toBeInTheDocument();
    expect(screen.queryByTestId('exercise-notice')).not.toBeInTheDocument();
  });
});
