import { useEffect, type Ref } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MechanismSummary } from '@shared/liaison/contract.js';
import { mapOverlays } from '@client/app/features.js';
import { LanguageSwitch } from '@client/components/language-switch.js';
import { ReportIncidentPage } from '@client/features/incidents/components/report-incident-page.js';
import { PlaceSearchProvider } from '@client/lib/use-place-search-index.js';
import { aMechanism, anIncident, aPort, theSasabePort } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

/** What the picker asked of its map: where it opened (`fitBounds`) and where it flew (`flyTo`). */
const map = vi.hoisted(() => ({
  fitBounds: vi.fn(),
  flyTo: vi.fn(),
  easeTo: vi.fn(),
  getZoom: () => 9,
  // A view of the San Diego – Tijuana area.
  getBounds: () => ({
    contains: ([lon, lat]: [number, number]) => lon > -117.2 && lon < -116.1 && lat > 32.3 && lat < 32.9,
  }),
}));

// No WebGL here: the location picker's map is a stand-in that loads at once and records its moves.
vi.mock('@client/components/map-view.js', () => ({
  MapView: ({ mapRef, onLoad }: { mapRef?: Ref<unknown>; onLoad?: () => void }) => {
    useEffect(() => {
      if (mapRef && typeof mapRef === 'object') Object.assign(mapRef, { current: map });
      onLoad?.();
    }, []);
    return <div data-testid="map-stand-in" />;
  },
}));

beforeEach(() => {
  map.fitBounds.mockClear();
  map.flyTo.mockClear();
  map.easeTo.mockClear();
});

/** The labelled field (label, control and message) whose label reads `label`. */
function field(label: string): HTMLElement {
  const name = screen.getAllByText(label).find((element) => element.classList.contains('field-label'));
  if (!name) throw new Error(`no field labelled ${label}`);
  return name.closest('.field')!;
}
const control = (label: string) => field(label).querySelector<HTMLElement>('input, select, textarea')!;
/** The message shown beside the field, if any. */
const messageBeside = (label: string) => field(label).querySelector('.field-error')?.textContent ?? null;

const now = Date.parse('2026-07-04T21:30:00Z');

function renderForm(language: 'en' | 'es' = 'en') {
  return renderPage(
    // The app gives every form's place search the map's overlays (ports, areas, mechanisms).
    <PlaceSearchProvider overlays={mapOverlays}>
      <LanguageSwitch />
      <ReportIncidentPage />
    </PlaceSearchProvider>,
    { url: '/incidents/new', route: '/incidents/new', language, now },
  );
}

/** A mechanism whose area is the rectangle [west, south, east, north]. */
const aMechanismIn = (
  id: string,
  usCity: string,
  mxCity: string,
  [west, south, east, north]: [number, number, number, number],
): MechanismSummary =>
  aMechanism({
    id,
    usCity,
    usState: '',
    mxCity,
    mxState: '',
    centre: { lat: (south + north) / 2, lon: (west + east) / 2 },
    timeZone: 'America/Phoenix',
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [east, south],
          [east, north],
          [west, north],
          [west, south],
        ],
      ],
    },
  });

/** The reference geography the form describes a point by: two mechanisms, two ports, no high-risk areas. */
const geography = {
  'GET /api/mechanisms': () =>
    json(200, [
      aMechanismIn('san-diego-tijuana', 'San Diego', 'Tijuana', [-117.2, 32.3, -116.1, 32.9]),
      aMechanismIn('nogales-nogales', 'Nogales', 'Nogales', [-112.5, 31.0, -110.5, 32.2]),
    ]),
  'GET /api/ports': () => json(200, [aPort(), theSasabePort()]),
  'GET /api/areas': () => json(200, { type: 'FeatureCollection', features: [] }),
};

describe('report form', () => {
  it('words the shared schema’s objections beside each field, in English', async () => {
    const server = fakeServer({});
    renderForm('en');

    await userEvent.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(messageBeside('Summary (English or Spanish)')).toBe('must not be empty'));
    expect(messageBeside('Latitude')).toBe('is required');
    expect(messageBeside('Longitude')).toBe('is required');
    expect(messageBeside('Type')).toBeNull();
    expect(screen.getByText('Some fields need attention.')).toBeInTheDocument();
    expect(server.to('POST /api/incidents')).toHaveLength(0);
  });

  it('words them in Spanish, and re-words them when the reader switches language', async () => {
    fakeServer({});
    renderForm('es');

    await userEvent.click(screen.getByTestId('submit-incident'));
    await waitFor(() => expect(messageBeside('Resumen (en español o inglés)')).toBe('no debe estar vacío'));
    expect(messageBeside('Latitud')).toBe('es obligatorio');

    await userEvent.click(screen.getByTestId('language-en'));
    expect(messageBeside('Summary (English or Spanish)')).toBe('must not be empty');
    expect(messageBeside('Latitude')).toBe('is required');
  });

  it('shows a field error from the server’s `fields[]` on that field', async () => {
    fakeServer({
      'POST /api/incidents': () =>
        json(400, {
          statusCode: 400,
          code: 'validation_failed',
          message: 'location.lat: is outside the border region',
          messageEs: 'location.lat: está fuera de la región fronteriza',
          fields: [
            {
              path: 'location.lat',
              message: { en: 'is outside the border region', es: 'está fuera de la región fronteriza' },
            },
          ],
        }),
    });
    renderForm('en');
    const user = userEvent.setup();

    await user.type(control('Summary (English or Spanish)'), 'Group of six near the levee');
    await user.type(control('Latitude'), '40.1');
    await user.type(control('Longitude'), '-117.03');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(messageBeside('Latitude')).toBe('is outside the border region'));
    expect(messageBeside('Longitude')).toBeNull();
    // The reason is beside its field; below the form, only that some fields need attention (no raw field names).
    expect(screen.getByText('Some fields need attention.')).toBeInTheDocument();
    expect(screen.queryByText(/location\.lat/)).not.toBeInTheDocument();

    await user.click(screen.getByTestId('language-es'));
    expect(messageBeside('Latitud')).toBe('está fuera de la región fronteriza');
  });

  it('sends the API’s body, with the reporter’s local time and UTC offset, and opens the new incident', async () => {
    const created = anIncident();
    const server = fakeServer({ 'POST /api/incidents': () => json(201, created) });
    const { router } = renderForm('en');
    const user = userEvent.setup();

    await user.selectOptions(control('Type'), 'drowning');
    await user.selectOptions(control('Severity'), 'critical');
    await user.type(control('Summary (English or Spanish)'), '  Person in the river channel  ');
    await user.type(control('Latitude'), '32.53');
    await user.type(control('Longitude'), '-117.05');
    await user.clear(control('Rescued'));
    await user.type(control('Rescued'), '2');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${created.id}`));
    expect(server.to('POST /api/incidents')[0]?.body).toEqual({
      type: 'drowning',
      severity: 'critical',
      summary: 'Person in the river channel',
      location: { lat: 32.53, lon: -117.05 },
      // 21:30 UTC on the 4th of July is 14:30 in Tijuana (PDT, UTC−7).
      occurredAt: '2026-07-04T14:30:00-07:00',
      people: { rescued: 2, injured: 0, deceased: 0 },
      exercise: false,
    });
  });

  it('marks a drill: the Spanish “Simulacro” box sends exercise: true', async () => {
    const created = anIncident({ exercise: true });
    const server = fakeServer({ 'POST /api/incidents': () => json(201, created) });
    const { router } = renderForm('es');
    const user = userEvent.setup();
    const drill = screen.getByRole('checkbox', { name: /Simulacro/ });
    expect(drill).not.toBeChecked();
    await user.click(drill);
    await user.type(control('Resumen (en español o inglés)'), 'Simulacro de rescate en el canal');
    await user.type(control('Latitud'), '32.53');
    await user.type(control('Longitud'), '-117.05');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${created.id}`));
    expect(server.to('POST /api/incidents')[0]?.body).toMatchObject({ exercise: true });
  });

  it('takes the date and time as the reader’s language writes them, and refuses a time in the future at once', async () => {
    const created = anIncident();
    const server = fakeServer({ 'POST /api/incidents': () => json(201, created) });
    renderForm('es');
    const user = userEvent.setup();
    const date = () => screen.getByRole('textbox', { name: 'Fecha (dd/mm/aaaa)' });
    const time = () => screen.getByRole('textbox', { name: 'Hora (p. ej. 14:30)' });
    // 21:30 UTC on the 4th of July, in Tijuana: day first, 24-hour clock.
    expect(date()).toHaveValue('04/07/2026');
    expect(time()).toHaveValue('14:30');

    await user.click(screen.getByTestId('language-en'));
    expect(screen.getByRole('textbox', { name: 'Date (mm/dd/yyyy)' })).toHaveValue('07/04/2026');
    expect(screen.getByRole('textbox', { name: 'Time (e.g. 2:30 PM)' })).toHaveValue('2:30 PM');
    await user.click(screen.getByTestId('language-es'));

    await user.clear(date());
    await user.type(date(), '05/07/2026');
    expect(await screen.findByText(/no debe estar más de 10 minutos en el futuro/)).toBeInTheDocument();
    await user.clear(date());
    await user.type(date(), '04/07/2026');
    await user.clear(time());
    await user.type(time(), '9:15');
    await user.type(control('Resumen (en español o inglés)'), 'Persona en el canal');
    await user.type(control('Latitud'), '32.53');
    await user.type(control('Longitud'), '-117.05');
    await user.click(screen.getByTestId('submit-incident'));

    await waitFor(() => expect(server.to('POST /api/incidents')).toHaveLength(1));
    expect(server.to('POST /api/incidents')[0]?.body).toMatchObject({ occurredAt: '2026-07-04T09:15:00-07:00' });
  });
});

describe('report form: where it happened', () => {
  it('opens on the reporter’s own mechanism, not the whole border', async () => {
    fakeServer(geography);
    renderForm('en');
    // The signed-in officer is of San Diego – Tijuana: the map fits that mechanism's area.
    await waitFor(() => expect(map.fitBounds).toHaveBeenCalledTimes(1));
    expect(map.fitBounds.mock.calls[0]![0]).toEqual([
      [-117.2, 32.3],
      [-116.1, 32.9],
    ]);
  });

  it('finds Sasabe by name, places the report there and says where it is and who it goes to before sending', async () => {
    const created = anIncident();
    const server = fakeServer({ ...geography, 'POST /api/incidents': () => json(201, created) });
    const { router } = renderForm('en');
    const user = userEvent.setup();

    await user.type(control('Summary (English or Spanish)'), 'Group of five lost west of the port');
    await user.type(screen.getByRole('combobox', { name: 'Find a place' }), 'Sasabe');
    expect(await screen.findByRole('option', { name: /Sasabe – El Sásabe/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');

    expect(Number((control('Latitude') as HTMLInputElement).value)).toBeCloseTo(31.4813, 3);
    expect(Number((control('Longitude') as HTMLInputElement).value)).toBeCloseTo(-111.5444, 3);
    expect(map.flyTo.mock.calls.at(-1)![0].center[1]).toBeCloseTo(31.4813, 3);
    expect(map.easeTo).not.toHaveBeenCalled();
    const preview = await screen.findByTestId('place-preview');
    expect(preview).toHaveTextContent('Place: in Sasabe · Nogales – Nogales mechanism');
    expect(screen.getByTestId('responsible-mechanism')).toHaveTextContent(
      'The report goes to the Nogales – Nogales mechanism: its officers on both sides are alerted.',
    );
    expect(screen.queryByTestId('far-from-towns')).not.toBeInTheDocument();

    // Near a town, it is sent at once: no question asked.
    await user.click(screen.getByTestId('submit-incident'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${created.id}`));
    expect(server.to('POST /api/incidents')[0]?.body).toMatchObject({
      location: { lat: expect.closeTo(31.4813, 3), lon: expect.closeTo(-111.5444, 3) },
    });
  });

  it('says the same in Spanish: “Sásabe” without the accent finds it too', async () => {
    fakeServer(geography);
    renderForm('es');
    const user = userEvent.setup();

    await user.type(screen.getByRole('combobox', { name: 'Buscar un lugar' }), 'sasabe');
    await user.click(await screen.findByRole('option', { name: /El Sásabe – Sasabe/ }));
    expect(await screen.findByTestId('place-preview')).toHaveTextContent(
      'Lugar: en Sasabe · mecanismo Nogales – Nogales',
    );
    expect(screen.getByTestId('responsible-mechanism')).toHaveTextContent(
      'El reporte va al mecanismo Nogales – Nogales: se alerta a sus oficiales de ambos lados.',
    );
  });

  it('forgets the found name once the point is moved elsewhere, and brings a typed point out of view into view', async () => {
    fakeServer(geography);
    renderForm('en');
    const user = userEvent.setup();
    const search = screen.getByRole('combobox', { name: 'Find a place' });
    await user.type(search, 'Sasabe');
    await user.click(await screen.findByRole('option', { name: /Sasabe – El Sásabe/ }));
    expect(screen.getByRole('combobox', { name: 'Find a place' })).toHaveValue('Sasabe – El Sásabe');

    await user.clear(control('Latitude'));
    await user.type(control('Latitude'), '32.55');
    await user.clear(control('Longitude'));
    await user.type(control('Longitude'), '-117.04');
    // The box no longer claims Sasabe; the point, in the view, moves no map.
    expect(screen.getByRole('combobox', { name: 'Find a place' })).toHaveValue('');
    expect(await screen.findByTestId('place-preview')).toHaveTextContent('San Diego – Tijuana mechanism');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(map.easeTo).not.toHaveBeenCalled();

    await user.clear(control('Latitude'));
    await user.type(control('Latitude'), '30');
    await waitFor(() => expect(map.easeTo).toHaveBeenCalledTimes(1));
    expect(map.easeTo.mock.calls[0]![0]).toEqual({ center: [-117.04, 30], zoom: 8 });
  });

  it('far from every border town, asks before sending, and sends only once the reporter confirms', async () => {
    const created = anIncident();
    const server = fakeServer({ ...geography, 'POST /api/incidents': () => json(201, created) });
    const { router } = renderForm('en');
    const user = userEvent.setup();

    await user.type(control('Summary (English or Spanish)'), 'Vehicle rollover on the highway');
    await user.type(control('Latitude'), '30');
    await user.type(control('Longitude'), '-107');
    expect(await screen.findByTestId('far-from-towns')).toHaveTextContent(
      '179 km from Guadalupe D.B., the nearest border town (more than 50 km): check that this is where it happened.',
    );

    await user.click(screen.getByTestId('submit-incident'));
    const question = await screen.findByTestId('confirm-far');
    expect(question).toHaveTextContent(
      'This point is 179 km from the nearest border town (Guadalupe D.B.). Report here anyway?',
    );
    expect(server.to('POST /api/incidents')).toHaveLength(0);

    // "Change the place" puts the question away; sending the same point asks again, and "Report here anyway" sends it.
    await user.click(screen.getByRole('button', { name: 'Change the place' }));
    expect(screen.queryByTestId('confirm-far')).not.toBeInTheDocument();
    await user.click(screen.getByTestId('submit-incident'));
    await user.click(await screen.findByRole('button', { name: 'Report here anyway' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/incidents/${created.id}`));
    expect(server.to('POST /api/incidents')).toHaveLength(1);
    expect(server.to('POST /api/incidents')[0]?.body).toMatchObject({ location: { lat: 30, lon: -107 } });
  });

  it('asks in Spanish too', async () => {
    fakeServer(geography);
    renderForm('es');
    const user = userEvent.setup();
    await user.type(control('Resumen (en español o inglés)'), 'Volcadura en la carretera');
    await user.type(control('Latitud'), '30');
    await user.type(control('Longitud'), '-107');
    await user.click(screen.getByTestId('submit-incident'));
    expect(await screen.findByTestId('confirm-far')).toHaveTextContent(
      'Este punto está a 179 km de la ciudad fronteriza más cercana (Guadalupe D.B.). ¿Reportar aquí de todos modos?',
    );
    expect(screen.getByRole('button', { name: 'Reportar aquí de todos modos' })).toBeInTheDocument();
  });
});
