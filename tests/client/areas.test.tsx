import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AreaFeature } from '@shared/reference/contract.js';
import { AreasPage } from '@client/features/areas/components/areas-page.js';
import { aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

vi.mock('@client/components/map-view.js', () => ({ MapView: () => <div data-testid="map-stand-in" /> }));

const ring = (points: [number, number][]) => [...points, points[0]!];
const clockwiseSquare = ring([
  [-111.6, 31.45],
  [-111.6, 31.55],
  [-111.5, 31.55],
  [-111.5, 31.45],
]);

const anArea = (over: Partial<AreaFeature['properties']> = {}): AreaFeature => ({
  type: 'Feature',
  id: over.id ?? 'altar-desert-1a2b3c',
  geometry: {
    type: 'Polygon',
    coordinates: [
      ring([
        [-113, 31.7],
        [-112.6, 31.7],
        [-112.6, 32],
        [-113, 32],
      ]),
    ],
  },
  properties: {
    id: over.id ?? 'altar-desert-1a2b3c',
    name: { en: 'Desierto de Altar', es: 'Desierto de Altar' },
    hazard: { en: 'Calor extremo', es: 'Calor extremo' },
    season: null,
    side: '',
    riskLevel: 'extreme',
    approx: false,
    sources: [],
    missing: ['name.en', 'hazard.en'],
    ...over,
  },
});
const collection = (...features: AreaFeature[]) => ({ type: 'FeatureCollection', features });
const supervisor = aUser({ role: 'supervisor', country: 'MX', mechanismId: null });

describe('high-risk areas page', () => {
  it('asks for the outline in the reader’s words when an area is saved without one (issue 23)', async () => {
    const user = userEvent.setup();
    const server = fakeServer({ 'GET /api/areas': () => json(200, collection()) });
    renderPage(<AreasPage />, { url: '/areas?edit=new', route: '/areas', user: supervisor, language: 'es' });

    const editor = await screen.findByRole('form', { name: 'Nueva zona' });
    await user.click(within(editor).getByRole('button', { name: 'Guardar zona' }));
    // Beside the outline, as every field's message ("no debe estar vacío" beside the names).
    expect(await within(editor).findByText('dibuje o pegue el contorno de la zona')).toHaveAttribute('role', 'alert');
    expect(editor).not.toHaveTextContent(/object|tipo/);
    expect(server.to('POST /api/areas')).toHaveLength(0);
  });

  it('lets a supervisor outline a new area (pasted GeoJSON), checks it as the server does, and saves both languages', async () => {
    const user = userEvent.setup();
    const server = fakeServer({
      'GET /api/areas': () => json(200, collection()),
      'POST /api/areas': (request) => {
        const body = request.body as { properties: AreaFeature['properties']; geometry: AreaFeature['geometry'] };
        return json(201, {
          ...anArea({ ...body.properties, id: 'sasabe-wash-abcdef', missing: [], season: null }),
          geometry: body.geometry,
        });
      },
    });
    renderPage(<AreasPage />, { url: '/areas?edit=new', route: '/areas', user: supervisor });

    const editor = await screen.findByRole('form', { name: 'New area' });
    const geojson = within(editor).getByTestId('polygon-geojson');
    // A bow-tie is refused in the browser with the server's own words, before any request.
    await user.type(
      geojson,
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [-111.6, 31.45],
            [-111.5, 31.55],
            [-111.5, 31.45],
            [-111.6, 31.55],
            [-111.6, 31.45],
          ],
        ],
      }).replace(/[[{]/g, (c) => c + c),
    );
    await user.click(within(editor).getByRole('button', { name: 'Use this GeoJSON' }));
    expect(await within(editor).findByText(/the outline crosses itself near latitude 31.5/)).toBeInTheDocument();
    expect(server.to('POST /api/areas')).toHaveLength(0);

    await user.clear(geojson);
    await user.type(
      geojson,
      JSON.stringify({ type: 'Polygon', coordinates: [clockwiseSquare] }).replace(/[[{]/g, (c) => c + c),
    );
    await user.click(within(editor).getByRole('button', { name: 'Use this GeoJSON' }));
    expect(within(editor).getByTestId('polygon-draw-status')).toHaveTextContent('Outline closed with 4 corners');

    await user.type(within(editor).getByLabelText(/^Name \(English\)/), 'Sasabe wash');
    await user.type(within(editor).getByLabelText('Hazards (English)'), 'Flash floods');
    await user.type(within(editor).getByLabelText('Hazards (Spanish)'), 'Crecidas súbitas');
    await user.click(within(editor).getByRole('button', { name: 'Save area' }));
    // The Spanish name is required: said beside the field, nothing sent.
    expect(await within(editor).findByText('must not be empty')).toBeInTheDocument();
    expect(server.to('POST /api/areas')).toHaveLength(0);

    await user.type(within(editor).getByLabelText(/^Name \(Spanish\)/), 'Arroyo de Sásabe');
    await user.selectOptions(within(editor).getByLabelText('Risk level'), 'moderate risk');
    await user.click(within(editor).getByRole('button', { name: 'Save area' }));
    await waitFor(() => expect(server.to('POST /api/areas')).toHaveLength(1));
    const sent = server.to('POST /api/areas')[0]!.body as { properties: unknown; geometry: { coordinates: unknown[] } };
    expect(sent.properties).toEqual({
      name: { en: 'Sasabe wash', es: 'Arroyo de Sásabe' },
      hazard: { en: 'Flash floods', es: 'Crecidas súbitas' },
      season: null,
      riskLevel: 'moderate',
    });
    // Wound counter-clockwise before it leaves (RFC 7946), as the server would.
    expect(sent.geometry.coordinates[0]).toEqual([...clockwiseSquare].reverse());
    // The editor closes and the new area is in the list without a refetch.
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New area' })).toBeNull());
    expect(await screen.findByText('Sasabe wash')).toBeInTheDocument();
  });

  it('marks what an imported area still lacks and opens it with that language empty to fill', async () => {
    const imported = anArea();
    fakeServer({ 'GET /api/areas': () => json(200, collection(imported)) });
    renderPage(<AreasPage />, { url: '/areas', route: '/areas', user: supervisor });

    const item = await screen.findByTestId('area-item');
    expect(within(item).getByTestId('area-missing')).toHaveTextContent(
      'English name missing · English hazards missing',
    );
    await userEvent.setup().click(within(item).getByRole('button', { name: 'Edit Desierto de Altar' }));
    const editor = await screen.findByRole('form', { name: 'Edit area' });
    expect(within(editor).getByLabelText(/^Name \(English\)/)).toHaveValue('');
    expect(within(editor).getByLabelText(/^Name \(Spanish\)/)).toHaveValue('Desierto de Altar');
    expect(within(editor).getByRole('button', { name: 'Delete area' })).toBeInTheDocument();
  });

  it('asks before deleting, then takes the area off the list', async () => {
    const user = userEvent.setup();
    const area = anArea({ missing: [] });
    const server = fakeServer({
      'GET /api/areas': () => json(200, collection(area)),
      [`DELETE /api/areas/${area.id}`]: () => new Response(null, { status: 204 }),
    });
    renderPage(<AreasPage />, { url: `/areas?edit=${area.id}`, route: '/areas', user: supervisor, language: 'es' });
    const editor = await screen.findByRole('form', { name: 'Editar zona' });
    await user.click(within(editor).getByRole('button', { name: 'Eliminar zona' }));
    expect(server.to(`DELETE /api/areas/${area.id}`)).toHaveLength(0);
    await user.click(within(editor).getByRole('button', { name: 'Sí, eliminarla' }));
    await waitFor(() => expect(screen.queryByTestId('area-item')).toBeNull());
    expect(server.to(`DELETE /api/areas/${area.id}`)).toHaveLength(1);
  });

  it('offers export to every officer, and no editor or import to a liaison officer', async () => {
    fakeServer({ 'GET /api/areas': () => json(200, collection(anArea())) });
    renderPage(<AreasPage />, {
      url: '/areas?edit=new',
      route: '/areas',
      user: aUser({ role: 'liaison', mechanismId: 'nogales-nogales' }),
    });
    await screen.findByTestId('area-item');
    expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', '/api/areas.csv');
    expect(screen.getByRole('link', { name: 'Download GeoJSON' })).toHaveAttribute('href', '/api/areas.geojson');
    expect(screen.queryByRole('button', { name: 'New area' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'New area' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Import areas' })).toBeNull();
  });
});
