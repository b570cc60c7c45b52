import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MechanismDetail, OnDutyContact, PlaceOnDuty } from '@shared/liaison/contract.js';
import { WhoToCallPanel } from '@client/features/liaison/index.js';
import { MechanismsPage } from '@client/features/liaison/components/mechanisms-page.js';
import { mapOverlays } from '@client/app/features.js';
import { appRoutes } from '@client/app/router.js';
import { PlaceSearchProvider } from '@client/lib/use-place-search-index.js';
import { aMechanism, aUser, theSasabePort } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const tz = 'America/Tijuana';
// Wednesday 8 July 2026, 12:00 in Tijuana (PDT).
const now = Date.parse('2026-07-08T19:00:00Z');

const summary = aMechanism({
  flags: { coverageGap: true, membersNotVerified: 0, membersWithoutWorkingContact: 0, overdueCommitments: 0 },
});

const contact = (over: Partial<OnDutyContact>): OnDutyContact => ({
  memberId: 'm',
  name: 'Officer',
  role: 'border_patrol',
  agency: 'U.S. Border Patrol, San Diego Sector',
  country: 'US',
  escalation: 1,
  phone: '+16195550100',
  telUri: 'tel:+16195550100',
  email: null,
  radio: null,
  until: '2026-07-08T18:00:00-07:00',
  byOverride: false,
  ...over,
});

const place = (over: Partial<PlaceOnDuty> = {}): PlaceOnDuty => ({
  mechanismId: 'san-diego-tijuana',
  at: '2026-07-08T12:00:00-07:00',
  timeZone: tz,
  how: 'contains',
  US: [
    contact({ memberId: 'us-1', name: 'Dana Whitfield' }),
    contact({ memberId: 'us-2', name: 'Kim Hartley', role: 'consul', escalation: 2, phone: '+526640000100' }),
  ],
  MX: [
    contact({
      memberId: 'mx-1',
      name: 'Ana Lucía Ramírez Soto',
      role: 'grupo_beta',
      agency: 'Grupo Beta Tijuana (INM)',
      country: 'MX',
      phone: '+526640000101',
      until: '2026-07-08T19:00:00-07:00',
    }),
  ],
  gaps: [],
  ...over,
});

describe('who to call now for a place', () => {
  it('names the mechanism whose area holds the place and lists each side in call order with tel: links, in Spanish', async () => {
    const server = fakeServer({
      'GET /api/contacts/on-duty': () => json(200, place()),
      'GET /api/mechanisms': () => json(200, [summary]),
    });
    renderPage(<WhoToCallPanel point={{ lat: 32.617, lon: -116.19 }} />, { language: 'es', now });

    expect(await screen.findByText(/Este lugar está en el área de Tijuana – San Diego/)).toBeInTheDocument();
    expect(server.to('GET /api/contacts/on-duty')[0]!.params.get('lat')).toBe('32.617');
    const us = within(screen.getByTestId('on-duty-US'));
    expect(us.getAllByTestId('on-duty-contact').map((li) => li.querySelector('strong')!.textContent)).toEqual([
      'Dana Whitfield',
      'Kim Hartley',
    ]);
    // A U.S. reader dials a U.S. number nationally and a Mexican one with its country code.
    expect(us.getByRole('link', { name: /\(619\) 555-0100/ })).toHaveAttribute('href', 'tel:+16195550100');
    expect(us.getByRole('link', { name: /\+52 664 000 0100/ })).toHaveAttribute('href', 'tel:+526640000100');
    const mx = within(screen.getByTestId('on-duty-MX'));
    expect(mx.getByText('Coordinador del Grupo Beta · Grupo Beta Tijuana (INM)')).toBeInTheDocument();
    // 24-hour times in the mechanism's zone.
    expect(mx.getByText(/hasta las 19:00/)).toBeInTheDocument();
  });

  it('says how far the nearest mechanism is when the place is outside every area, and shows a side with nobody', async () => {
    fakeServer({
      'GET /api/contacts/on-duty': () =>
        json(
          200,
          place({
            how: 'nearest',
            distanceKm: 268.4,
            MX: [],
            gaps: [
              {
                side: 'MX',
                kind: 'uncovered',
                escalation: null,
                start: '2026-07-08T10:00:00-07:00',
                end: '2026-07-08T14:00:00-07:00',
              },
            ],
          }),
        ),
      'GET /api/mechanisms': () => json(200, [summary]),
    });
    renderPage(<WhoToCallPanel point={{ lat: 35.08, lon: -106.65 }} />, { now });

    expect(await screen.findByText(/the nearest is San Diego – Tijuana, 268.4 km away/)).toBeInTheDocument();
    const mx = within(screen.getByTestId('on-duty-MX'));
    expect(mx.getByRole('status')).toHaveTextContent('Coverage gap: nobody on duty (until 2:00 PM PDT)');
  });
});

describe('who to call, by the name of a place', () => {
  const sasabe = theSasabePort();

  it('takes “Sasabe” instead of coordinates and asks who to call at the place found', async () => {
    const server = fakeServer({
      'GET /api/contacts/on-duty': () => json(200, place()),
      'GET /api/mechanisms': () => json(200, [summary]),
      'GET /api/ports': () => json(200, [sasabe]),
    });
    renderPage(
      <PlaceSearchProvider overlays={mapOverlays}>
        <MechanismsPage />
      </PlaceSearchProvider>,
      { now },
    );
    const user = userEvent.setup();
    // Without coordinates, the coordinates' button waits; the name is enough.
    expect(screen.getByRole('button', { name: 'Find' })).toBeDisabled();
    await user.type(screen.getByRole('combobox', { name: 'Find a place' }), 'Sasabe');
    await user.click(await screen.findByRole('option', { name: /Sasabe – El Sásabe/ }));

    await waitFor(() => expect(server.to('GET /api/contacts/on-duty')).toHaveLength(1));
    const asked = server.to('GET /api/contacts/on-duty')[0]!.params;
    expect(Number(asked.get('lat'))).toBeCloseTo(31.4813, 3);
    expect(Number(asked.get('lon'))).toBeCloseTo(-111.5444, 3);
    expect(await screen.findByTestId('who-to-call-mechanism')).toBeInTheDocument();
    // The place's coordinates show in the fields, for the record.
    expect(screen.getByRole('textbox', { name: 'Latitude' })).toHaveValue(asked.get('lat'));
  });

  it('finds it in Spanish too', async () => {
    fakeServer({
      'GET /api/mechanisms': () => json(200, [summary]),
      'GET /api/ports': () => json(200, [sasabe]),
    });
    renderPage(
      <PlaceSearchProvider overlays={mapOverlays}>
        <MechanismsPage />
      </PlaceSearchProvider>,
      { language: 'es', now },
    );
    await userEvent.type(screen.getByRole('combobox', { name: 'Buscar un lugar' }), 'sásabe');
    expect(await screen.findByRole('option', { name: /El Sásabe – Sasabe/ })).toBeInTheDocument();
    expect(screen.getByText(/Busque una ciudad, un puerto o una zona por su nombre/)).toBeInTheDocument();
  });
});

describe('mechanism page', () => {
  const member = (id: string, country: 'US' | 'MX', name: string) => ({
    id,
    name,
    familyName: null,
    role: 'border_patrol',
    agency: 'Agency',
    country,
    contacts: [{ id: `${id}-p`, kind: 'phone' as const, label: '', value: '+16195550100', working: true }],
    verifiedAt: '2026-07-01T12:00:00Z',
  });
  const detail: MechanismDetail = {
    ...summary,
    members: [member('us-1', 'US', 'Dana Whitfield'), member('mx-1', 'MX', 'Ana Lucía Ramírez Soto')],
    // U.S. nights are left empty: a gap every night.
    shifts: [
      {
        id: 's1',
        side: 'US',
        escalation: 1,
        days: [1, 2, 3, 4, 5, 6, 7],
        start: '08:00',
        end: '20:00',
        memberId: 'us-1',
      },
      {
        id: 's2',
        side: 'US',
        escalation: 1,
        days: [1, 2, 3, 4, 5, 6, 7],
        start: '20:00',
        end: '08:00',
        memberId: null,
      },
      {
        id: 's3',
        side: 'MX',
        escalation: 1,
        days: [1, 2, 3, 4, 5, 6, 7],
        start: '00:00',
        end: '00:00',
        memberId: 'mx-1',
      },
    ],
    overrides: [],
    intendedGaps: [],
  };

  it('shows the gaps of the coming week and lets the chair mark one as intended', async () => {
    const server = fakeServer({
      'GET /api/mechanisms/san-diego-tijuana': () => json(200, detail),
      'GET /api/mechanisms/san-diego-tijuana/on-duty': () => json(200, { ...place(), MX: [] }),
      'GET /api/mechanisms/san-diego-tijuana/meetings': () => json(200, []),
      'POST /api/mechanisms/san-diego-tijuana/intended-gaps': (request) =>
        json(201, { id: 'g1', ...(request.body as object) }),
    });
    const chair = aUser({ role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' });
    renderPage(null, { routes: appRoutes, url: '/mechanisms/san-diego-tijuana', user: chair, now });

    const gaps = within(await screen.findByTestId('gap-list'));
    const items = gaps.getAllByRole('listitem');
    // Seven nights from Wednesday 20:00 to the next Wednesday's morning, the first one tonight.
    expect(items).toHaveLength(7);
    expect(items[0]).toHaveTextContent(
      'Coverage gap: nobody on duty United States: Wed, Jul 8, 8:00 PM to Thu, Jul 9, 8:00 AM',
    );
    await userEvent.click(within(items[0]!).getByRole('button', { name: 'Mark this gap as intended' }));
    await waitFor(() => expect(server.to('POST /api/mechanisms/san-diego-tijuana/intended-gaps')).toHaveLength(1));
    expect(server.to('POST /api/mechanisms/san-diego-tijuana/intended-gaps')[0]!.body).toEqual({
      side: 'US',
      start: '2026-07-08T20:00:00-07:00',
      end: '2026-07-09T08:00:00-07:00',
      reason: '',
    });
  });

  it.each([
    ['en', ['12:00 AM', '6:00 AM', '12:00 PM', '6:00 PM'], 'Dana Whitfield 8:00 AM–8:00 PM', 'PDT'],
    ['es', ['00:00', '06:00', '12:00', '18:00'], 'Dana Whitfield 08:00–20:00', 'PDT'],
  ] as const)(
    'puts an hour scale on the week in the mechanism’s zone, and the shift times on each bar (%s)',
    async (language, ticks, bar, zone) => {
      fakeServer({
        'GET /api/mechanisms/san-diego-tijuana': () => json(200, detail),
        'GET /api/mechanisms/san-diego-tijuana/on-duty': () => json(200, place()),
        'GET /api/mechanisms/san-diego-tijuana/meetings': () => json(200, []),
      });
      renderPage(null, { routes: appRoutes, url: '/mechanisms/san-diego-tijuana', user: aUser(), now, language });

      const scale = await screen.findByTestId('week-scale');
      expect([...scale.querySelectorAll('.hour-tick')].map((tick) => tick.textContent)).toEqual(ticks);
      expect(scale).toHaveTextContent(zone);
      // Ticks at the quarters of the day; every track ruled the same way.
      expect([...scale.querySelectorAll<HTMLElement>('.hour-tick')].map((tick) => tick.style.left)).toEqual([
        '0%',
        '25%',
        '50%',
        '75%',
      ]);
      const view = screen.getByTestId('week-view');
      expect(view.querySelector('.track')!.querySelectorAll('.hour-line')).toHaveLength(4);
      const bars = within(view).getAllByTestId('week-segment');
      expect(bars[0]).toHaveTextContent(bar);
      // A gap says its times too.
      expect(within(view).getAllByTestId('week-gap')[0]).toHaveTextContent(
        language === 'es' ? '20:00–08:00' : '8:00 PM–8:00 AM',
      );
    },
  );

  it('shows no editing to an officer of another mechanism', async () => {
    fakeServer({
      'GET /api/mechanisms/san-diego-tijuana': () => json(200, detail),
      'GET /api/mechanisms/san-diego-tijuana/on-duty': () => json(200, place()),
      'GET /api/mechanisms/san-diego-tijuana/meetings': () => json(200, []),
    });
    const otherChair = aUser({ role: 'consular', country: 'MX', mechanismId: 'laredo-nuevo-laredo' });
    renderPage(null, { routes: appRoutes, url: '/mechanisms/san-diego-tijuana', user: otherChair, now });

    await screen.findByTestId('gap-list');
    expect(screen.queryByRole('button', { name: 'Mark this gap as intended' })).toBeNull();
    expect(screen.queryByTestId('edit-rotation')).toBeNull();
    expect(screen.queryByTestId('add-member')).toBeNull();
  });
});
