import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Advisory, AdvisoryDetail } from '@shared/advisories/contract.js';
import { AdvisoriesPage } from '@client/features/advisories/components/advisories-page.js';
import { aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const desert = { id: 'az-west-desert-high-risk-zone', name: { en: 'Arizona West Desert', es: 'Desierto del Oeste' } };
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [-113, 32],
      [-112, 32],
      [-112, 33],
      [-113, 32],
    ] as [number, number][],
  ],
};

const anAdvisory = (overrides: Partial<Advisory> = {}): Advisory => ({
  id: crypto.randomUUID(),
  hazard: 'heat',
  severity: 'extreme',
  status: 'published',
  exercise: false,
  areaIds: [desert.id],
  areas: [desert],
  polygon: null,
  shapes: [square],
  mechanismIds: ['nogales-nogales'],
  validFrom: '2026-07-04T18:00:00Z',
  validTo: '2026-07-06T18:00:00Z',
  text: { en: 'Extreme heat: carry water.', es: 'Calor extremo: lleve agua.' },
  cancelReason: null,
  createdBy: 'u',
  createdAt: '2026-07-04T17:00:00Z',
  updatedAt: '2026-07-04T17:00:00Z',
  publishedAt: '2026-07-04T17:00:00Z',
  version: 2,
  ...overrides,
});

const supervisor = aUser({ role: 'supervisor', mechanismId: null });

describe('advisories page', () => {
  it('lists active advisories first and marks an exercise loudly, in Spanish', async () => {
    const expired = anAdvisory({ status: 'expired', hazard: 'flood', updatedAt: '2026-07-04T20:00:00Z' });
    const drill = anAdvisory({ exercise: true, hazard: 'wildfire' });
    fakeServer({ 'GET /api/advisories': () => json(200, { items: [expired, drill] }) });
    renderPage(<AdvisoriesPage />, { url: '/advisories', route: '/advisories', language: 'es', user: supervisor });

    const items = await screen.findAllByTestId('advisory-item');
    expect(items[0]).toHaveTextContent('Incendio forestal');
    expect(within(items[0]!).getByTestId('exercise-badge')).toHaveTextContent('SIMULACRO');
    expect(items[1]).toHaveTextContent('Inundación');
    expect(items[1]).toHaveTextContent('Vencido');
    expect(screen.getByRole('link', { name: 'Canal público CAP 1.2' })).toHaveAttribute('href', '/api/advisories.cap');
  });

  it("shows the server's reason when publishing is refused, field by field, in the reader's language", async () => {
    const draft: AdvisoryDetail = { ...anAdvisory({ status: 'draft', text: { en: 'Heat.', es: null } }), history: [] };
    const fields = [
      {
        path: 'text.es',
        message: {
          en: 'the Spanish text is required to publish',
          es: 'el texto en español es obligatorio para publicar',
        },
      },
    ];
    const server = fakeServer({
      'GET /api/advisories': () => json(200, { items: [draft] }),
      [`GET /api/advisories/${draft.id}`]: () => json(200, draft),
      'GET /api/areas': () => json(200, { type: 'FeatureCollection', features: [] }),
      [`POST /api/advisories/${draft.id}/publish`]: () =>
        json(400, { statusCode: 400, code: 'validation_failed', message: 'x', messageEs: 'x', fields }),
    });
    renderPage(<AdvisoriesPage />, {
      url: `/advisories?id=${draft.id}`,
      route: '/advisories',
      language: 'es',
      user: supervisor,
    });

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Publicar' }));
    expect(await screen.findByTestId('advisory-refusal')).toHaveTextContent(
      'el texto en español es obligatorio para publicar',
    );
    expect(server.to(`POST /api/advisories/${draft.id}/publish`)).toHaveLength(1);
  });

  it('offers no editor, publish or import to an officer who may only read', async () => {
    const published = { ...anAdvisory(), history: [] };
    fakeServer({
      'GET /api/advisories': () => json(200, { items: [published] }),
      [`GET /api/advisories/${published.id}`]: () => json(200, published),
    });
    renderPage(<AdvisoriesPage />, {
      url: `/advisories?id=${published.id}`,
      route: '/advisories',
      user: aUser({ role: 'liaison', mechanismId: 'nogales-nogales' }),
    });

    await screen.findByTestId('advisory-panel');
    expect(screen.getByText('Calor extremo: lleve agua.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New advisory' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel advisory' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Import a CAP message' })).toBeNull();
  });
});
