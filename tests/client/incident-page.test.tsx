import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { consoleActor, type IncidentDetail } from '@shared/incidents/contract.js';
import { IncidentDetailPage } from '@client/features/incidents/components/incident-detail-page.js';
import { anAlert, anIncidentDetail, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

// No WebGL here: the incident's small map is a stand-in.
vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

function open(detail: IncidentDetail, options: Parameters<typeof renderPage>[1] = {}) {
  fakeServer({ [`GET /api/incidents/${detail.id}`]: () => json(200, detail) });
  return renderPage(<IncidentDetailPage />, { url: `/incidents/${detail.id}`, route: '/incidents/:id', ...options });
}

/** What every entry has; each test gives the kind and its data. */
const entry = () => ({ id: crypto.randomUUID(), text: null, by: 'Jordan Placeholder', at: '2026-07-04T21:05:00.000Z' });

describe('incident page', () => {
  it('says where in words, when in the place’s zone, and no version number', async () => {
    const detail = anIncidentDetail({
      occurredAt: '2026-07-04T21:30:00.000Z',
      place: {
        timeZone: 'America/Phoenix',
        mechanism: { id: 'nogales-nogales', name: { en: 'Nogales – Nogales', es: 'Nogales – Nogales' } },
        areas: [
          {
            id: 'az',
            name: {
              en: 'Arizona West Desert (Sonoran Desert west of Nogales)',
              es: 'Desierto del Oeste de Arizona (desierto de Sonora)',
            },
          },
        ],
        nearest: { town: 'Sasabe', country: 'US', km: 6, direction: 'N' },
      },
      version: 5,
    });
    open(detail);

    expect(await screen.findByTestId('place-line')).toHaveTextContent(
      '6 km N of Sasabe · Arizona West Desert · Nogales – Nogales mechanism',
    );
    // Arizona keeps standard time all summer (MST); the reader here is in Tijuana (PDT): both are shown.
    expect(screen.getByTestId('occurred-at')).toHaveTextContent(
      'Jul 4, 2026, 2:30 PM MST (Jul 4, 2026, 2:30 PM PDT your time)',
    );
    expect(screen.getByTestId('occurred-at')).toHaveTextContent('Local time: Mountain Standard Time');
    expect(screen.queryByText(/Version/)).not.toBeInTheDocument();
  });

  it('offers only the hand-offs that follow: acknowledgement is the governments’, not a button', async () => {
    open(anIncidentDetail({ status: 'reported' }));
    await screen.findByTestId('status-responding');
    expect(screen.queryByTestId('status-acknowledged')).not.toBeInTheDocument();
    expect(screen.getByTestId('status-responding')).toHaveTextContent('Start responding');
  });

  it('explains why it can’t be closed yet instead of offering a close that would fail', async () => {
    open(anIncidentDetail({ status: 'resolved', type: 'death', investigationRequired: true, investigation: null }));
    await screen.findByTestId('status-responding');
    expect(screen.queryByTestId('status-closed')).not.toBeInTheDocument();
    expect(screen.getByTestId('close-refused')).toHaveTextContent('To close it, record the investigation first');
    expect(screen.getByTestId('status-responding')).toHaveTextContent('Reopen');
  });

  it('shows a closed incident as the record: no hand-off, no forms, no acknowledgement', async () => {
    open(
      anIncidentDetail({
        status: 'closed',
        alerts: [anAlert({ settledAt: '2026-07-04T22:00:00.000Z' })],
      }),
      { user: aUser({ country: 'MX', role: 'supervisor', mechanismId: null }) },
    );
    expect(await screen.findByTestId('closed-notice')).toHaveTextContent('This incident is closed');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByTestId('note-input')).not.toBeInTheDocument();
  });

  it('tells its history in Spanish: the console by name, counts before → after, one line per acknowledgement', async () => {
    open(
      anIncidentDetail({
        timeline: [
          {
            ...entry(),
            kind: 'acknowledged',
            data: { government: 'MX', tiers: ['local', 'central'] },
            by: 'Rodrigo Ficticio',
          },
          { ...entry(), kind: 'escalated', data: { pending: ['MX'] }, by: consoleActor },
          {
            ...entry(),
            kind: 'people',
            data: { from: { rescued: 0, injured: 1, deceased: 0 }, to: { rescued: 6, injured: 1, deceased: 0 } },
          },
          { ...entry(), kind: 'status', data: { from: 'reported', to: 'responding' } },
        ],
      }),
      { language: 'es' },
    );
    const items = within(await screen.findByTestId('timeline')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.replace(/^.*?su hora\)|^.*?PDT /, '').trim())).toEqual([
      'Rodrigo Ficticio acusó recibo de la alerta por México',
      'La consola escaló a las mesas centrales: Sin acuse de: México',
      'Jordan Placeholder actualizó las cifras de personas: Rescatados 0 → 6',
      'Jordan Placeholder cambió el estado: Reportado → En atención',
    ]);
    // 24-hour Spanish times with the zone.
    expect(items[0]).toHaveTextContent('4 jul 2026, 14:05 PDT');
  });
});
