import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AreaCollection } from '@shared/reference/contract.js';
import { AreaPopup } from '@client/features/reference/components/area-popup.js';
import { PortPopup } from '@client/features/reference/components/port-popup.js';
import { portLabel, stationLabel } from '@client/features/reference/map/names.js';
import { mapViewSearch, useMapView } from '@client/features/incidents/hooks/use-map-view.js';
import { aPort } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

/** The map page's URL setter, as its moveend listener holds it (it outlives a render). */
let setView: ReturnType<typeof useMapView>[1] = () => undefined;
function MapPage() {
  const [view, set] = useMapView();
  setView = set;
  return <p>map at {view.lng ?? 'nowhere'}</p>;
}

/** A page whose code is still loading until the test says: a move to it stays pending meanwhile. */
function slowPage() {
  let arrive: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (arrive = resolve));
  const lazy = async () => {
    await loaded;
    return { Component: () => <p>high-risk areas</p> };
  };
  return { lazy, arrive };
}

describe('the map writes its position into its own URL only', () => {
  it('writes while it is shown, replacing the entry', async () => {
    const { router } = renderPage(null, { routes: [{ path: '/map', element: <MapPage /> }], url: '/map' });
    await act(() => setView({ lng: '-117.03', lat: '32.54', zoom: '9' }));
    expect(router.state.location.pathname).toBe('/map');
    expect(router.state.location.search).toBe('?lng=-117.03&lat=32.54&zoom=9');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(mapViewSearch.parse({ lng: '-117.03' }).lng).toBe('-117.03');
  });

  it('writes nothing into the next page’s URL once left (a late moveend)', async () => {
    const { router } = renderPage(null, {
      routes: [
        { path: '/map', element: <MapPage /> },
        { path: '/incidents', element: <p>incidents</p> },
      ],
      url: '/map',
    });
    const late = setView;
    await act(() => router.navigate('/incidents'));
    expect(screen.getByText('incidents')).toBeTruthy();
    await act(() => late({ lng: '-117.03', lat: '32.54', zoom: '9' }));
    expect(router.state.location.pathname).toBe('/incidents');
    expect(router.state.location.search).toBe('');
  });

  it('does not cancel a move to another page whose code is still loading', async () => {
    const areas = slowPage();
    const { router } = renderPage(null, {
      routes: [
        { path: '/map', element: <MapPage /> },
        { path: '/areas', lazy: areas.lazy },
      ],
      url: '/map',
    });
    let moved: Promise<void> = Promise.resolve();
    act(() => {
      moved = router.navigate('/areas');
    });
    expect(router.state.navigation.state).toBe('loading');
    // The map is still on screen and finishes a move now.
    await act(() => setView({ lng: '-110.9', lat: '31.3', zoom: '8' }));
    expect(router.state.navigation.location?.pathname).toBe('/areas');
    await act(async () => {
      areas.arrive();
      await moved;
    });
    expect(router.state.location.pathname).toBe('/areas');
    expect(router.state.location.search).toBe('');
    expect(await screen.findByText('high-risk areas')).toBeTruthy();
  });
});

const sources = [
  { id: 'bts', title: 'BTS Border Crossing Entry Data', url: null },
  { id: 'tz', title: 'IANA tz database 2025c', url: null },
];

describe('map popups put what an officer acts on first, the sources folded last', () => {
  it('shows a port’s status before its sources, which stay folded until asked for (Spanish)', async () => {
    fakeServer({
      'GET /api/ports': () =>
        json(200, [aPort({ status: 'closed', statusReason: 'bomb_threat', sources: ['bts', 'tz'] })]),
      'GET /api/sources': () => json(200, sources),
    });
    renderPage(<PortPopup featureId="san-ysidro" />, { language: 'es' });
    const popup = await screen.findByTestId('port-popup');
    const folded = await within(popup).findByTestId('popup-sources');
    const status = within(popup).getByTestId('port-popup-status');
    expect(status.compareDocumentPosition(folded) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(folded.tagName).toBe('DETAILS');
    expect((folded as HTMLDetailsElement).open).toBe(false);
    expect(within(folded).getByText('Fuentes (2)')).toBeTruthy();
    expect(popup.lastElementChild?.contains(folded)).toBe(true);
  });

  it('offers an area’s statistics and who to call before its hazard and sources', async () => {
    const areas: AreaCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'altar-valley',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-111.6, 31.5],
                [-111.2, 31.5],
                [-111.2, 31.8],
                [-111.6, 31.5],
              ],
            ],
          },
          properties: {
            id: 'altar-valley',
            name: { en: 'Altar Valley', es: 'Valle de Altar' },
            hazard: { en: 'Heat and long walks', es: 'Calor y largas caminatas' },
            season: null,
            side: 'US',
            riskLevel: 'extreme',
            approx: true,
            sources: ['bts'],
            missing: [],
          },
        },
      ],
    };
    fakeServer({ 'GET /api/areas': () => json(200, areas), 'GET /api/sources': () => json(200, sources) });
    const { router } = renderPage(<AreaPopup featureId="altar-valley" />, { url: '/map?zoom=8' });
    const popup = await screen.findByTestId('area-popup');
    const stats = within(popup).getByRole('button', { name: 'Statistics and who to call' });
    const hazard = within(popup).getByText('Heat and long walks');
    const folded = await within(popup).findByTestId('popup-sources');
    expect(stats.compareDocumentPosition(hazard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(hazard.compareDocumentPosition(folded) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await act(async () => stats.click());
    expect(router.state.location.search).toBe('?zoom=8&area=altar-valley');
  });
});

describe('names written on the map', () => {
  it('names a port by both towns, the reader’s side first, without the details in brackets', () => {
    const port = { usName: 'San Ysidro', mxName: 'Tijuana (El Chaparral / PedWest / PedEast)' };
    expect(portLabel(port)).toEqual({ name_en: 'San Ysidro – Tijuana', name_es: 'Tijuana – San Ysidro' });
    expect(portLabel({ usName: 'Nogales (downtown, Morley Gate, Mariposa)', mxName: 'Nogales' })).toEqual({
      name_en: 'Nogales',
      name_es: 'Nogales',
    });
    expect(
      portLabel({
        usName: 'Laredo (Bridges I and II, World Trade, Colombia bridges)',
        mxName: 'Nuevo Laredo (Tamaulipas); Colombia bridge lands in Anáhuac municipality, Nuevo León',
      }).name_es,
    ).toBe('Nuevo Laredo – Laredo');
  });

  it('writes a Border Patrol sector in Spanish word order, a Grupo Beta unit as it is', () => {
    expect(stationLabel({ kind: 'border_patrol_sector', name: 'San Diego Sector' })).toEqual({
      name_en: 'San Diego Sector',
      name_es: 'Sector San Diego',
    });
    expect(stationLabel({ kind: 'grupo_beta', name: 'Grupo Beta Tijuana' }).name_es).toBe('Grupo Beta Tijuana');
  });
});
