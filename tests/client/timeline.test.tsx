import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SarOperation } from '@shared/sar/contract.js';
import { timelineKinds } from '@shared/timeline.js';
import { features } from '@client/app/features.js';
import { Timeline } from '@client/components/timeline.js';
import { checklistsManifest } from '@client/features/checklists/index.js';
import { IncidentDetailPage } from '@client/features/incidents/components/incident-detail-page.js';
import { incidentTimelineRenderers } from '@client/features/incidents/timeline-renderers.js';
import { sarManifest } from '@client/features/sar/index.js';
import { incidentSlotsOf } from '@client/lib/incident-slots.js';
import { anIncidentDetail } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

// No WebGL here: maps are stand-ins.
vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

const at = '2026-07-04T21:05:00.000Z';
const lines = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('timeline', () => {
  it('tells each entry: when on the place’s clock (and the reader’s), who, what they did and changed, and its text', () => {
    renderPage(
      <Timeline
        timeZone="America/Phoenix"
        items={[
          { id: '1', at, by: 'Jordan Placeholder', verb: 'changed the status', detail: 'Reported → Responding' },
          { id: '2', at, by: 'Rodrigo Ficticio', verb: 'added a note', text: 'Two more found at the canal' },
        ]}
      />,
    );
    expect(lines('timeline')).toEqual([
      'Jul 4, 2026, 2:05 PM MST (Jul 4, 2026, 2:05 PM PDT your time) Jordan Placeholder changed the status: Reported → Responding',
      'Jul 4, 2026, 2:05 PM MST (Jul 4, 2026, 2:05 PM PDT your time) Rodrigo Ficticio added a noteTwo more found at the canal',
    ]);
    expect(screen.queryByTestId('exercise-badge')).not.toBeInTheDocument();
  });

  it('marks what was done in an exercise', () => {
    renderPage(
      <Timeline
        timeZone="America/Tijuana"
        items={[{ id: '1', at, by: 'Jordan Placeholder', verb: 'reported the incident', exercise: true }]}
        testId="drill"
      />,
      { language: 'es' },
    );
    expect(within(screen.getByTestId('drill')).getByTestId('exercise-badge')).toHaveTextContent('SIMULACRO');
  });

  it('tells the steps of the incident’s add-ons in their own words, on the incident page and in the search log', async () => {
    const sectorSearched = {
      id: '3',
      kind: 'sar',
      text: null,
      data: { change: 'sectorStatus', sector: 'A1', from: 'assigned', to: 'searched' },
      by: 'Rodrigo Ficticio',
      at,
    } as const;
    const detail = anIncidentDetail({
      timeline: [
        { id: '1', kind: 'reported', text: 'Six lost', data: { type: 'drowning', severity: 'high' }, by: 'Ana', at },
        {
          id: '2',
          kind: 'checklist',
          text: null,
          data: { checklist: 'drowning', step: 'alert_other_side', done: true },
          by: 'Ana',
          at,
        },
        sectorSearched,
      ],
    });
    const operation: SarOperation = {
      id: crypto.randomUUID(),
      incidentId: detail.id,
      mechanismId: detail.mechanismId,
      exercise: false,
      status: 'open',
      outcome: null,
      outcomeNote: null,
      openedBy: 'Ana',
      openedAt: at,
      closedBy: null,
      closedAt: null,
      version: 3,
      teams: [],
      assets: [],
      sectors: [],
      log: [sectorSearched],
    };
    fakeServer({
      [`GET /api/incidents/${detail.id}`]: () => json(200, detail),
      [`GET /api/incidents/${detail.id}/sar`]: () => json(200, operation),
      [`GET /api/incidents/${detail.id}/checklists`]: () =>
        json(200, { checklists: [], suggested: ['drowning'], readOnlyReason: null }),
    });
    renderPage(<IncidentDetailPage />, {
      url: `/incidents/${detail.id}`,
      route: '/incidents/:id',
      language: 'es',
      features: [checklistsManifest, sarManifest],
    });

    await screen.findByTestId('sar-log');
    const [reported, ticked, searched] = lines('timeline').map((line) => line?.replace(/^.*? PDT /, ''));
    expect(reported).toBe('Ana reportó el incidenteSix lost');
    expect(ticked).toMatch(/^Ana marcó un paso de «Ahogamiento»: Alertar al otro lado/);
    expect(searched).toBe('Rodrigo Ficticio actualizó un sector de búsqueda: A1: Asignado → Rastreado');
    // The operation's log on the same page reads the step the same way.
    expect(lines('sar-log')).toEqual([lines('timeline')[2]]);
  });

  it('has words for every kind of entry the console writes: none is left to the generic line', () => {
    const told = { ...incidentTimelineRenderers, ...incidentSlotsOf(features).timeline };
    expect(Object.keys(told).sort()).toEqual(Object.keys(timelineKinds).sort());
  });
});
