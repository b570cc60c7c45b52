import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Port } from '@shared/reference/contract.js';
import { PortsBoardPage } from '@client/features/reference/components/ports-board-page.js';
import { referenceManifest } from '@client/features/reference/index.js';
import { aMechanism, aPort, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const nogales = aPort({
  id: 'nogales',
  usName: 'Nogales',
  mxName: 'Nogales',
  usState: 'AZ',
  mxState: 'SON',
  usTimeZone: 'America/Phoenix',
  mxTimeZone: 'America/Hermosillo',
  mechanismId: 'nogales-nogales',
  status: 'restricted',
  statusReason: 'weather',
  statusNote: 'Flooded lanes',
  statusChangedBy: 'Marisol Ejemplo',
  statusChangedAt: '2026-07-04T20:00:00.000Z',
});
const mechanisms = [
  aMechanism(),
  aMechanism({
    id: 'nogales-nogales',
    usCity: 'Nogales',
    usState: 'AZ',
    mxCity: 'Nogales',
    mxState: 'Sonora',
    centre: { lat: 31.33, lon: -110.94 },
    timeZone: 'America/Hermosillo',
  }),
];

function serve(ports: Port[], onStatus?: (body: unknown) => Port) {
  return fakeServer({
    'GET /api/ports': () => json(200, ports),
    'GET /api/mechanisms': () => json(200, mechanisms),
    'GET /api/ports/san-ysidro/status-history': () =>
      json(200, [
        {
          id: '2',
          portId: 'san-ysidro',
          status: 'open',
          reason: null,
          note: null,
          by: 'Dana Sample',
          at: '2026-07-03T18:00:00.000Z',
        },
        {
          id: '1',
          portId: 'san-ysidro',
          status: 'closed',
          reason: 'bomb_threat',
          note: 'Package on lane 3',
          by: 'Jordan Placeholder',
          at: '2026-07-03T16:00:00.000Z',
        },
      ]),
    'POST /api/ports/san-ysidro/status': (request) => json(200, onStatus!(request.body)),
  });
}

const render = (options: Parameters<typeof renderPage>[1] = {}) =>
  renderPage(<PortsBoardPage />, {
    url: '/ports',
    route: '/ports',
    bridges: [referenceManifest.liveBridge!],
    ...options,
  });

describe('ports and bridges board', () => {
  it('groups ports by mechanism and says status in words, why, who and when — in Spanish', async () => {
    serve([aPort(), nogales]);
    render({ language: 'es', user: aUser({ role: 'consular', country: 'MX' }) });
    const rows = await screen.findAllByTestId('port-row');
    expect(screen.getByRole('heading', { level: 2, name: 'Tijuana – San Diego' })).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('Tijuana – San Ysidro');
    expect(rows[0]).toHaveTextContent('Abierto');
    expect(rows[1]).toHaveTextContent('Restringido');
    expect(rows[1]).toHaveTextContent('Motivo: clima');
    expect(rows[1]).toHaveTextContent('Flooded lanes');
    expect(rows[1]).toHaveTextContent('por Marisol Ejemplo');
    expect(screen.getByTestId('ports-summary')).toHaveTextContent('Abiertos: 1 · Restringidos: 1 · Cerrados: 0');
    // A consul reads the board and is told who may change it.
    expect(screen.getByTestId('ports-read-only')).toHaveTextContent('Solo los oficiales de enlace');
    expect(screen.queryByTestId('port-change')).not.toBeInTheDocument();
  });

  it('lets the liaison officer change their own port only, requires a reason and confirms a closure', async () => {
    const user = userEvent.setup();
    const closed = aPort({
      status: 'closed',
      statusReason: 'bomb_threat',
      statusChangedBy: 'Jordan Placeholder',
      statusChangedAt: '2026-07-04T21:00:00.000Z',
    });
    const server = serve([aPort(), nogales], () => closed);
    render();
    const [sanYsidro, nogalesRow] = await screen.findAllByTestId('port-row');
    expect(within(nogalesRow!).queryByTestId('port-change')).not.toBeInTheDocument();
    expect(screen.getByTestId('ports-scope')).toHaveTextContent('You can change the ports of San Diego – Tijuana.');

    await user.click(within(sanYsidro!).getByTestId('port-change'));
    await user.click(within(sanYsidro!).getByRole('button', { name: 'Save' }));
    expect(within(sanYsidro!).getByRole('alert')).toHaveTextContent('Say why the port is restricted or closed.');
    expect(server.to('POST /api/ports/san-ysidro/status')).toHaveLength(0);

    await user.selectOptions(within(sanYsidro!).getByTestId('port-reason'), 'bomb_threat');
    await user.click(within(sanYsidro!).getByRole('button', { name: 'Save' }));
    expect(within(sanYsidro!).getByRole('alertdialog')).toHaveTextContent('Close San Ysidro – Tijuana?');
    expect(server.to('POST /api/ports/san-ysidro/status')).toHaveLength(0);
    await user.click(within(sanYsidro!).getByRole('button', { name: 'Yes, close the port' }));

    expect(server.to('POST /api/ports/san-ysidro/status')[0]!.body).toEqual({
      status: 'closed',
      reason: 'bomb_threat',
    });
    expect(await within(sanYsidro!).findByText('Closed')).toBeInTheDocument();
    expect(sanYsidro).toHaveTextContent('Reason: bomb threat');
  });

  it('follows another officer’s change live, and shows the history on demand', async () => {
    const user = userEvent.setup();
    serve([aPort(), nogales]);
    const view = render({ user: aUser({ role: 'central', mechanismId: null }) });
    const [sanYsidro] = await screen.findAllByTestId('port-row');
    expect(sanYsidro).toHaveTextContent('Open');
    view.emit({
      seq: 9,
      kind: 'port.status',
      data: {
        portId: 'san-ysidro',
        port: aPort({
          status: 'closed',
          statusReason: 'pursuit',
          statusChangedBy: 'Rodrigo Ficticio',
          statusChangedAt: '2026-07-04T21:00:00.000Z',
        }),
      },
    });
    expect(await within(sanYsidro!).findByText('Closed')).toBeInTheDocument();
    expect(sanYsidro).toHaveTextContent('Reason: trans-border pursuit');
    expect(sanYsidro).toHaveTextContent('by Rodrigo Ficticio');

    await user.click(within(sanYsidro!).getByText('History'));
    const history = await within(sanYsidro!).findByTestId('port-history');
    const entries = within(history).getAllByRole('listitem');
    expect(entries[0]).toHaveTextContent('Open');
    expect(entries[1]).toHaveTextContent('Closed bomb threat');
    expect(entries[1]).toHaveTextContent('Package on lane 3');
  });

  it('shows both sides’ clocks where they differ, the reader’s side first', async () => {
    // In winter Columbus (Mountain time, UTC−7) and Palomas (Chihuahua, UTC−6 all year) read different hours.
    const columbus = aPort({
      id: 'columbus',
      usName: 'Columbus',
      mxName: 'Palomas',
      usTimeZone: 'America/Denver',
      mxTimeZone: 'America/Chihuahua',
      status: 'closed',
      statusReason: 'weather',
      statusChangedBy: 'Dana Sample',
      statusChangedAt: '2026-01-15T20:00:00.000Z',
    });
    serve([columbus]);
    const view = render();
    const change = await screen.findByTestId('port-last-change');
    expect(change).toHaveTextContent(/U\.S\.: Jan 15, 2026, 1:00\sPM MST · Mexico: Jan 15, 2026, 2:00\sPM CST/);
    view.unmount();
    serve([columbus]);
    render({ language: 'es' });
    expect(await screen.findByTestId('port-last-change')).toHaveTextContent(/México: .*14:00 .*· EE\. UU\.: .*13:00/);
  });
});
