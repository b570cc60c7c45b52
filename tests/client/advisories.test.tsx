import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Advisory, AdvisoryDetail } from '@shared/advisories/contract.js';
import { LanguageSwitch } from '@client/components/language-switch.js';
import { AdvisoriesPage } from '@client/features/advisories/components/advisories-page.js';
import { aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

/*
 * No WebGL here: the map is a stand-in whose "map-click" button clicks the next position
 * of `clicks`, as a supervisor clicking the map would.
 */
const clicks = vi.hoisted(() => [] as [number, number][]);
vi.mock('@client/components/map-view.js', () => ({
  MapView: ({ onClick }: { onClick?: (event: { lngLat: { lng: number; lat: number } }) => void }) => (
    <button
      type="button"
      data-testid="map-click"
      onClick={() => {
        const [lng, lat] = clicks.shift()!;
        onClick?.({ lngLat: { lng, lat } });
      }}
    />
  ),
}));

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

  it("publishes from the editor; the server's refusal lands beside the missing language, in the reader's language", async () => {
    const user = userEvent.setup();
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
    const saved: AdvisoryDetail = { ...draft, text: { en: 'Heat.', es: 'Calor.' }, version: draft.version + 1 };
    let current = draft;
    const server = fakeServer({
      'GET /api/advisories': () => json(200, { items: [current] }),
      [`GET /api/advisories/${draft.id}`]: () => json(200, current),
      'GET /api/areas': () => json(200, { type: 'FeatureCollection', features: [] }),
      [`PUT /api/advisories/${draft.id}`]: () => json(200, (current = saved)),
      [`POST /api/advisories/${draft.id}/publish`]: () =>
        current.text.es
          ? json(200, (current = { ...saved, status: 'published', version: saved.version + 1 }))
          : json(400, { statusCode: 400, code: 'validation_failed', message: 'x', messageEs: 'x', fields }),
    });
    renderPage(<AdvisoriesPage />, {
      url: `/advisories?id=${draft.id}`,
      route: '/advisories',
      language: 'es',
      user: supervisor,
    });

    const editor = await screen.findByRole('form', { name: 'Editar aviso' });
    await user.click(within(editor).getByRole('button', { name: 'Publicar' }));
    // Beside the empty Spanish text, and under the form; nothing was saved, since nothing changed.
    const spanish = within(editor).getByLabelText(/^Texto en español/);
    await waitFor(() => expect(spanish.closest('.field')).toHaveTextContent('el texto en español es obligatorio'));
    expect(within(editor).getByTestId('advisory-refusal')).toHaveTextContent(
      'El texto en español es obligatorio para publicar.',
    );
    expect(server.to(`POST /api/advisories/${draft.id}/publish`)).toHaveLength(1);
    expect(server.to(`PUT /api/advisories/${draft.id}`)).toHaveLength(0);

    // Publishing what is on screen: the Spanish text typed is saved first, then published.
    await user.type(spanish, 'Calor.');
    await user.click(within(editor).getByRole('button', { name: 'Publicar' }));
    await waitFor(() => expect(server.to(`POST /api/advisories/${draft.id}/publish`)).toHaveLength(2));
    expect(server.to(`PUT /api/advisories/${draft.id}`)[0]!.body).toMatchObject({
      text: { en: 'Heat.', es: 'Calor.' },
      areaIds: [desert.id],
    });
    expect(await screen.findAllByText('Publicado')).not.toHaveLength(0);
    expect(screen.queryByTestId('advisory-refusal')).toBeNull();
  });

  it('sends a polygon drawn on the map with a one-language draft, and keeps a self-crossing one in the browser with the reason in both languages', async () => {
    const user = userEvent.setup();
    const server = fakeServer({
      'GET /api/advisories': () => json(200, { items: [] }),
      'GET /api/areas': () =>
        json(200, {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: desert.id,
              geometry: square,
              properties: {
                id: desert.id,
                name: desert.name,
                hazard: { en: 'Heat', es: 'Calor' },
                season: null,
                side: 'US (Arizona)',
                riskLevel: 'extreme',
                approx: true,
                sources: [],
                missing: [],
              },
            },
          ],
        }),
      'POST /api/advisories': () => json(201, { ...anAdvisory({ status: 'draft' }), history: [] }),
    });
    renderPage(
      <>
        <LanguageSwitch />
        <AdvisoriesPage />
      </>,
      { url: '/advisories', route: '/advisories', user: supervisor },
    );
    await user.click(await screen.findByRole('button', { name: 'New advisory' }));
    const editor = await screen.findByRole('form', { name: 'New advisory' });
    expect(await within(editor).findByRole('checkbox', { name: 'Arizona West Desert' })).not.toBeChecked();

    // A bow-tie, pasted: refused with the API's own words, in either language, and never sent.
    const geojson = within(editor).getByTestId('polygon-geojson');
    await user.type(
      geojson,
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [-113, 32],
            [-112, 33],
            [-112, 32],
            [-113, 33],
            [-113, 32],
          ],
        ],
      }).replace(/[[{]/g, (c) => c + c),
    );
    await user.click(within(editor).getByRole('button', { name: 'Use this GeoJSON' }));
    expect(
      await within(editor).findByText(/^the outline crosses itself near latitude 32\.5, longitude -112\.5/),
    ).toBeInTheDocument();
    await user.type(within(editor).getByLabelText(/^Text in English/), 'Extreme heat: carry water.');
    await user.click(within(editor).getByRole('button', { name: 'Save draft' }));
    await user.click(screen.getByTestId('language-es'));
    expect(
      await within(editor).findByText(/^el contorno se cruza consigo mismo cerca de latitud 32\.5/),
    ).toBeInTheDocument();
    expect(server.to('POST /api/advisories')).toHaveLength(0);

    // Drawn instead: three corners clicked on the map, then the outline closed.
    await user.click(within(editor).getByRole('button', { name: 'Borrar contorno' }));
    clicks.push([-113.2, 32.1], [-112.8, 32.1], [-113, 32.4]);
    for (let i = 0; i < 3; i++) await user.click(within(editor).getByTestId('map-click'));
    await user.click(within(editor).getByRole('button', { name: 'Cerrar contorno' }));
    expect(within(editor).getByTestId('polygon-draw-status')).toHaveTextContent('Contorno cerrado con 3 vértices');
    expect(within(editor).queryByText(/^el contorno se cruza consigo mismo/)).toBeNull();
    await user.click(within(editor).getByRole('button', { name: 'Guardar borrador' }));

    await waitFor(() => expect(server.to('POST /api/advisories')).toHaveLength(1));
    const body = server.to('POST /api/advisories')[0]!.body as Record<string, unknown>;
    expect(body.polygon).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-113.2, 32.1],
          [-112.8, 32.1],
          [-113, 32.4],
          [-113.2, 32.1],
        ],
      ],
    });
    // A draft in one language: the blank Spanish text is not sent; validity carries the browser's offset.
    expect(body.text).toEqual({ en: 'Extreme heat: carry water.' });
    expect(body.areaIds).toEqual([]);
    expect(body.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });

  it('will not save an advisory for no place, and says so where the places are chosen', async () => {
    const user = userEvent.setup();
    const server = fakeServer({
      'GET /api/advisories': () => json(200, { items: [] }),
      'GET /api/areas': () => json(200, { type: 'FeatureCollection', features: [] }),
    });
    renderPage(<AdvisoriesPage />, { url: '/advisories', route: '/advisories', user: supervisor });
    await user.click(await screen.findByRole('button', { name: 'New advisory' }));
    const editor = await screen.findByRole('form', { name: 'New advisory' });
    await user.type(within(editor).getByLabelText(/^Text in English/), 'Flooding.');
    await user.click(within(editor).getByRole('button', { name: 'Save draft' }));
    expect(await within(editor).findByText('choose at least one high-risk area or draw a polygon')).toBeInTheDocument();
    expect(server.to('POST /api/advisories')).toHaveLength(0);
    await user.click(within(editor).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('form', { name: 'New advisory' })).toBeNull();
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
