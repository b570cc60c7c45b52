import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '@shared/reference/contract.js';
import type { ReportSummary } from '@shared/reports/contract.js';
import { PrepareReviewLink } from '@client/features/reports/index.js';
import { ReportPage } from '@client/features/reports/components/report-page.js';
import { sinceLastMeeting } from '@client/features/reports/period.js';
import { aMechanism, aPort, aUser } from './support/factories.js';
import { fakeServer, json, type Request } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const altar: AreaFeature = {
  type: 'Feature',
  id: 'altar-desert',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-113, 31.7],
        [-112.6, 31.7],
        [-112.6, 32],
        [-113, 31.7],
      ],
    ],
  },
  properties: {
    id: 'altar-desert',
    name: { en: 'Altar Desert', es: 'Desierto de Altar' },
    hazard: { en: 'Extreme heat', es: 'Calor extremo' },
    season: null,
    side: 'MX',
    riskLevel: 'extreme',
    approx: false,
    sources: [],
    missing: [],
  },
};

/** June 2026 at San Diego – Tijuana: small, hand-checkable figures in every section. */
const aSummary = (over: Partial<ReportSummary> = {}): ReportSummary => ({
  period: { from: '2026-06-01', to: '2026-07-01', timeZone: 'America/Tijuana' },
  previous: { from: '2026-05-02', to: '2026-06-01' },
  scope: { mechanism: 'san-diego-tijuana', area: null, port: null },
  generatedAt: '2026-07-04T21:00:00.000Z',
  demo: { incidents: 2 },
  incidents: {
    total: 5,
    previousTotal: 4,
    byType: { migrant_distress: 3, drowning: 2 },
    bySeverity: { high: 4, critical: 1 },
    byMechanism: { 'san-diego-tijuana': 4, none: 1 },
    byArea: { 'altar-desert': 2 },
    byMonth: [{ month: '2026-06', count: 5, deceased: 1 }],
    deceasedByArea: { 'altar-desert': 1 },
    people: { rescued: 7, injured: 2, deceased: 1 },
  },
  response: {
    alerts: 8,
    US: { acknowledged: 6, medianSeconds: 420, p90Seconds: 1500, byDeadline: 5 },
    MX: { acknowledged: 0, medianSeconds: null, p90Seconds: null, byDeadline: 0 },
    acknowledgedWithReport: { US: 2, MX: 6 },
    escalations: 2,
    escalationShare: 0.25,
  },
  investigations: {
    opened: 2,
    updated: 1,
    closed: 1,
    stale: 1,
    byLeadAgency: { 'FGR Baja California': 2 },
    byStatus: { open: 1, closed: 1 },
    open: [{ incidentId: 'a7f5c1d2-0000-4000-8000-000000000001', openedAt: '2026-06-03T17:30:00.000Z', days: 27 }],
  },
  repatriations: {
    movements: 3,
    persons: 40,
    byPort: { 'san-ysidro': 40 },
    byHour: Array.from({ length: 24 }, (_, hour) => (hour === 9 ? 25 : hour === 14 ? 15 : 0)),
    byCategory: { adult_male: 30, unaccompanied_minor: 4 },
    byNationality: { MX: 40 },
    vulnerable: 4,
    vulnerableInDaylight: 3,
    refusedChecksByRule: { OUTSIDE_WINDOW: 2 },
    notices: { onTime: 2, late: 1 },
    receptionsConfirmed: 3,
  },
  ports: {
    closures: [
      {
        portId: 'san-ysidro',
        status: 'closed',
        from: '2026-06-10T16:00:00.000Z',
        to: '2026-06-10T19:30:00.000Z',
        reason: 'bomb_threat',
      },
    ],
  },
  advisories: { published: 2, byHazard: { heat: 2 } },
  mechanisms: {
    meetings: 1,
    commitments: { made: 3, done: 1, overdue: 1 },
    rosters: [
      {
        mechanismId: 'san-diego-tijuana',
        members: 6,
        oldestVerifiedAt: '2026-03-01T18:00:00.000Z',
        oldestVerificationDays: 121,
      },
    ],
  },
  ...over,
});

/** The reference data (names), and the summary answered by `summary` for whatever is asked. */
function serve(summary: (request: Request) => Response = () => json(200, aSummary())) {
  return fakeServer({
    'GET /api/reports/summary': summary,
    'GET /api/mechanisms': () =>
      json(200, [
        aMechanism(),
        aMechanism({ id: 'nogales-nogales', usCity: 'Nogales', mxCity: 'Nogales', timeZone: 'America/Phoenix' }),
      ]),
    'GET /api/ports': () =>
      json(200, [
        aPort(),
        aPort({ id: 'nogales', usName: 'Nogales', mxName: 'Nogales', mechanismId: 'nogales-nogales' }),
      ]),
    'GET /api/areas': () => json(200, { type: 'FeatureCollection', features: [altar] }),
  });
}

const supervisor = aUser({ role: 'supervisor', mechanismId: null });
const openReport = (url: string, options: Parameters<typeof renderPage>[1] = {}) =>
  renderPage(<ReportPage />, { route: '/reports', url, user: supervisor, ...options });

describe('review report page', () => {
  it('reads one mechanism’s month in Spanish: every section by name, its zone, drills left out, demo marked, charts drawn', async () => {
    const server = serve();
    openReport('/reports?period=month&from=2026-06-14&mechanism=san-diego-tijuana', { language: 'es' });

    const header = await screen.findByTestId('report-header');
    // June whole, whatever day of it the link named.
    const [asked] = server.to('GET /api/reports/summary');
    expect(Object.fromEntries(asked!.params)).toEqual({
      from: '2026-06-01',
      to: '2026-07-01',
      mechanism: 'san-diego-tijuana',
    });
    await waitFor(() =>
      expect(within(header).getByTestId('report-scope-name')).toHaveTextContent('Mecanismo Tijuana – San Diego'),
    );
    expect(within(header).getByTestId('report-period')).toHaveTextContent('Periodo: 1 jun 2026 – 30 jun 2026');
    expect(within(header).getByTestId('report-zone')).toHaveTextContent('(PDT), la zona fronteriza de este alcance');
    // Generated at, 24-hour, on the scope's clock and UTC.
    expect(within(header).getByTestId('report-generated')).toHaveTextContent(
      'Generado 4 jul 2026, 14:00 PDT · 4 jul 2026, 21:00 UTC',
    );
    expect(screen.getByTestId('report-drills-notice')).toHaveTextContent('Los registros de simulacros quedan fuera');
    expect(screen.getByTestId('report-demo-notice')).toHaveTextContent(
      'Las cifras incluyen 2 incidentes ficticios de demostración.',
    );

    for (const section of ['incidents', 'response', 'investigations', 'repatriations', 'ports', 'mechanisms'])
      expect(screen.getByTestId(`report-section-${section}`)).toBeInTheDocument();
    // The change against May 2 – May 31 (30 days, like June).
    expect(screen.getByTestId('figure-change')).toHaveTextContent('+1 (+25 %)');
    expect(screen.getByText('Incidentes en 2 may 2026 – 31 may 2026')).toBeInTheDocument();
    // Places by name, never by id; incidents outside every mechanism said so.
    const byMechanism = screen.getByTestId('table-by-mechanism');
    expect(within(byMechanism).getByText('Tijuana – San Diego')).toBeInTheDocument();
    expect(within(byMechanism).getByText('Fuera de todo mecanismo')).toBeInTheDocument();
    expect(within(screen.getByTestId('table-deaths-by-area')).getByText('Desierto de Altar')).toBeInTheDocument();
    expect(within(screen.getByTestId('table-by-port')).getByText('Tijuana – San Ysidro')).toBeInTheDocument();
    expect(
      within(screen.getByTestId('table-refused-by-rule')).getByText('Fuera del horario de repatriación'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('report')).not.toHaveTextContent(
      /san-diego-tijuana|san-ysidro|altar-desert|OUTSIDE_WINDOW/,
    );

    // Each government's response: the reporting government's acknowledgement-with-report counted apart.
    const [, us, mx] = within(screen.getByTestId('table-response')).getAllByRole('row');
    expect(us).toHaveTextContent('EE. UU.');
    expect(us).toHaveTextContent('7 min');
    expect(us).toHaveTextContent('25 min');
    expect(us).toHaveTextContent('5 de 6 (83 %)');
    expect(mx).toHaveTextContent('México');
    expect(mx).toHaveTextContent('—');
    expect(screen.getByTestId('response-with-report')).toHaveTextContent('EE. UU. 2 · México 6');
    expect(screen.getByTestId('figure-escalations')).toHaveTextContent('2 (25 %)');
    expect(screen.getByTestId('figure-daylight')).toHaveTextContent('3 de 4 (75 %)');

    // Times with their zone, 24-hour: the closure on the port's clock, the open investigation on the scope's.
    const closures = screen.getByTestId('table-closures');
    expect(closures).toHaveTextContent('10 jun 2026, 09:00 PDT');
    expect(closures).toHaveTextContent('3 h 30 min');
    expect(closures).toHaveTextContent('amenaza de bomba');
    expect(screen.getByTestId('table-open-investigations')).toHaveTextContent('3 jun 2026, 10:30 PDT');
    expect(screen.getByTestId('table-open-investigations')).toHaveTextContent('27 días');

    // The three charts, drawn by Plot as SVG with their axes in Spanish.
    const byMonth = screen.getByTestId('chart-incidents-by-month');
    expect(byMonth.querySelectorAll('svg rect').length).toBeGreaterThan(0);
    expect(byMonth).toHaveTextContent('jun 2026');
    const acknowledgement = screen.getByTestId('chart-acknowledgement');
    expect(acknowledgement.querySelector('svg')).toHaveAttribute(
      'aria-label',
      expect.stringContaining('Tiempo de acuse'),
    );
    expect(acknowledgement).toHaveTextContent('EE. UU.');
    const byHour = screen.getByTestId('chart-repatriations-by-hour');
    expect(byHour.querySelectorAll('svg rect').length).toBeGreaterThanOrEqual(24);
    expect(byHour).toHaveTextContent('09:00');
    expect(byHour).toHaveTextContent('21:00');

    // Each table's records as CSV, headers in the reader's language.
    const csv = screen.getByTestId('report-csv-incidents');
    expect(csv).toHaveAttribute(
      'href',
      '/api/reports/incidents.csv?from=2026-06-01&to=2026-07-01&mechanism=san-diego-tijuana&lang=es',
    );
    expect(csv).toHaveTextContent('CSV: Incidentes');
  });

  it('draws an empty period flat: no bar rises where nothing happened', async () => {
    const empty = aSummary();
    serve(() =>
      json(
        200,
        aSummary({
          incidents: { ...empty.incidents, total: 0, byMonth: [{ month: '2026-06', count: 0, deceased: 0 }] },
          response: {
            ...empty.response,
            US: { acknowledged: 0, medianSeconds: null, p90Seconds: null, byDeadline: 0 },
            MX: { acknowledged: 0, medianSeconds: null, p90Seconds: null, byDeadline: 0 },
          },
          repatriations: { ...empty.repatriations, movements: 0, persons: 0, byHour: Array<number>(24).fill(0) },
        }),
      ),
    );
    openReport('/reports?period=month&from=2026-06-01');
    await screen.findByTestId('report-header');
    const bars = (testId: string) => [...screen.getByTestId(testId).querySelectorAll('svg rect')];
    expect(bars('chart-repatriations-by-hour')).toHaveLength(24);
    for (const bar of bars('chart-repatriations-by-hour')) expect(bar.getAttribute('height')).toBe('0');
    for (const bar of bars('chart-incidents-by-month')) expect(bar.getAttribute('height')).toBe('0');
    for (const bar of bars('chart-acknowledgement')) expect(bar.getAttribute('width')).toBe('0');
  });

  it('in English the times read 12-hour and the whole border reads on UTC with the reader’s clock beside it', async () => {
    serve(() =>
      json(
        200,
        aSummary({
          period: { from: '2026-06-01', to: '2026-07-01', timeZone: 'UTC' },
          scope: { mechanism: null, area: null, port: null },
        }),
      ),
    );
    openReport('/reports?period=month&from=2026-06-01');
    expect(await screen.findByTestId('report-zone')).toHaveTextContent('Days begin and end at midnight UTC');
    expect(screen.getByTestId('report-scope-name')).toHaveTextContent('The whole border');
    expect(screen.getByTestId('report-generated')).toHaveTextContent(/Generated Jul 4, 2026, 9:00 PM UTC/);
    expect(screen.getByTestId('table-closures')).toHaveTextContent('Jun 10, 2026, 9:00 AM PDT');
  });

  it('names the zone on both sides of a change of the clocks within the period', async () => {
    serve(() => json(200, aSummary({ period: { from: '2026-10-01', to: '2027-01-01', timeZone: 'America/Tijuana' } })));
    openReport('/reports?period=quarter&from=2026-10-01&mechanism=san-diego-tijuana');
    expect(await screen.findByTestId('report-zone')).toHaveTextContent(
      'Days begin and end at midnight on the border zone of this scope: Pacific Daylight Time (PDT) until the clocks change, then Pacific Standard Time (PST).',
    );
  });

  it('steps through months, switches to the heat season and a year, and takes dates of one’s choice', async () => {
    const server = serve();
    const user = userEvent.setup();
    openReport('/reports?period=month&from=2026-06-01');
    await screen.findByTestId('report-header');
    const asked = () => {
      const params = server.to('GET /api/reports/summary').at(-1)!.params;
      return [params.get('from'), params.get('to')];
    };
    expect(screen.getByTestId('report-period-name')).toHaveTextContent('June 2026');

    await user.click(screen.getByTestId('report-period-forward'));
    await waitFor(() => expect(asked()).toEqual(['2026-07-01', '2026-08-01']));
    await user.selectOptions(screen.getByTestId('report-period-kind'), 'heat');
    await waitFor(() => expect(asked()).toEqual(['2026-05-01', '2026-10-01']));
    expect(screen.getByTestId('report-period-name')).toHaveTextContent('Heat season 2026');
    await user.click(screen.getByTestId('report-period-back'));
    await waitFor(() => expect(asked()).toEqual(['2025-05-01', '2025-10-01']));
    await user.selectOptions(screen.getByTestId('report-period-kind'), 'quarter');
    await waitFor(() => expect(asked()).toEqual(['2025-04-01', '2025-07-01']));
    expect(screen.getByTestId('report-period-name')).toHaveTextContent('Q2 2025');
    await user.selectOptions(screen.getByTestId('report-period-kind'), 'year');
    await waitFor(() => expect(asked()).toEqual(['2025-01-01', '2026-01-01']));

    // Dates of one's choice: the last day is included (the API's `to` is the day after).
    await user.selectOptions(screen.getByTestId('report-period-kind'), 'custom');
    const last = screen.getByRole('textbox', { name: 'Last day' });
    await user.clear(last);
    await user.type(last, '03/15/2025');
    await waitFor(() => expect(asked()).toEqual(['2025-01-01', '2025-03-16']));
  });

  it('chooses a high-risk area or a port by name, and says the server’s reason for a period it refuses', async () => {
    const server = serve((request) =>
      request.params.get('port')
        ? json(400, {
            statusCode: 400,
            code: 'validation_failed',
            message: 'Invalid request',
            fields: [
              {
                path: 'querystring.to',
                message: { en: 'a report covers 5 years at most', es: 'un informe abarca 5 años como máximo' },
              },
            ],
          })
        : json(200, aSummary()),
    );
    const user = userEvent.setup();
    openReport('/reports?period=month&from=2026-06-01');
    const scope = await screen.findByTestId('report-scope');
    await waitFor(() => expect(within(scope).getByRole('option', { name: 'Altar Desert' })).toBeInTheDocument());
    expect(within(scope).getByRole('option', { name: 'The whole border' })).toBeInTheDocument();

    await user.selectOptions(scope, 'Altar Desert');
    await waitFor(() => expect(server.to('GET /api/reports/summary').at(-1)!.params.get('area')).toBe('altar-desert'));
    await user.selectOptions(scope, 'San Ysidro – Tijuana');
    const last = server.to('GET /api/reports/summary').at(-1)!.params;
    expect([last.get('port'), last.get('area')]).toEqual(['san-ysidro', null]);
    expect(await screen.findByTestId('report-error')).toHaveTextContent('A report covers 5 years at most.');
  });

  it('an officer of one mechanism chooses within it: their mechanism or one of its ports', async () => {
    const server = serve();
    openReport('/reports', { user: aUser() });
    const scope = await screen.findByTestId('report-scope');
    await waitFor(() => expect(within(scope).getByRole('option', { name: 'San Diego – Tijuana' })).toBeInTheDocument());
    expect(
      within(scope)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['San Diego – Tijuana', 'San Ysidro – Tijuana']);
    expect(server.to('GET /api/reports/summary')[0]!.params.get('mechanism')).toBe('san-diego-tijuana');
  });
});

describe('prepare the review', () => {
  const meetings = [
    { startsAt: '2026-07-20T10:00', timeZone: 'America/Tijuana' },
    { startsAt: '2026-05-12T10:00', timeZone: 'America/Tijuana' },
    { startsAt: '2026-02-10T10:00', timeZone: 'America/Tijuana' },
  ];

  it('opens the mechanism’s report from the day of its last meeting held up to today', async () => {
    serve();
    renderPage(<PrepareReviewLink mechanismId="san-diego-tijuana" timeZone="America/Tijuana" meetings={meetings} />, {
      language: 'es',
    });
    const link = await screen.findByTestId('prepare-review');
    expect(link).toHaveTextContent('Preparar la revisión (desde el 12 may 2026)');
    // The clock reads 4 July 2026, 14:00 in Tijuana: the report ends after that day.
    expect(link).toHaveAttribute(
      'href',
      '/reports?period=custom&from=2026-05-12&to=2026-07-05&mechanism=san-diego-tijuana',
    );
  });

  it('is not offered on another mechanism to an officer who may only review their own', () => {
    renderPage(<PrepareReviewLink mechanismId="nogales-nogales" timeZone="America/Phoenix" meetings={meetings} />);
    expect(screen.queryByTestId('prepare-review')).not.toBeInTheDocument();
  });

  it('covers the past year for a mechanism that has not met yet', () => {
    expect(sinceLastMeeting([meetings[0]!], Date.parse('2026-07-04T21:00:00Z'), 'America/Tijuana')).toEqual({
      from: '2025-07-05',
      to: '2026-07-05',
    });
  });
});
