import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Port } from '@shared/reference/contract.js';
import type { Arrangement, RepatriationWindow } from '@shared/repatriation/contract.js';
import { openPortsAt } from '@client/features/repatriation/api/open-windows.js';
import { OpenWindowLabel, OpenWindowPopup } from '@client/features/repatriation/map/overlay.js';
import { aPort } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

/** Saturday 4 July 2026, 14:00 at Tijuana (PDT). */
const now = Date.parse('2026-07-04T21:00:00Z');

const arrangement: Arrangement = {
  id: 'lra-california-baja-california',
  name: 'California – Baja California',
  portIds: ['san-ysidro', 'calexico-west'],
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '18:00' }],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: ['san-ysidro'] },
  capacityPerWindow: 200,
  illustrative: true,
  basis: 'Illustrative',
  sources: [],
  version: 1,
  updatedAt: '2026-06-01T00:00:00.000Z',
};

const window = (portId: string, day: string): RepatriationWindow => ({
  portId,
  arrangementId: arrangement.id,
  start: `${day}T06:00:00-07:00`,
  end: `${day}T18:00:00-07:00`,
  vulnerableStart: `${day}T08:00:00-07:00`,
  vulnerableEnd: `${day}T18:00:00-07:00`,
});
const windows = [window('san-ysidro', '2026-07-04'), window('calexico-west', '2026-07-04')];
const calexico = aPort({ id: 'calexico-west', usName: 'Calexico', mxName: 'Mexicali', status: 'closed' });

function server(ports: Port[] = [aPort(), calexico]) {
  return fakeServer({
    'GET /api/ports': () => json(200, ports),
    'GET /api/repatriation/arrangements': () => json(200, [arrangement]),
    'GET /api/repatriation/windows': () => json(200, windows),
  });
}

describe('repatriation window open now, on the operations map', () => {
  it('lists the open ports inside a window, not a closed port inside one, and none once the window ends', () => {
    const ports = [aPort(), calexico];
    expect([...openPortsAt(windows, ports, [arrangement], now).keys()]).toEqual(['san-ysidro']);
    // 18:00 PDT: the window has closed.
    expect(openPortsAt(windows, ports, [arrangement], Date.parse('2026-07-05T01:00:00Z')).size).toBe(0);
    // 05:59 PDT: not open yet.
    expect(openPortsAt(windows, ports, [arrangement], Date.parse('2026-07-04T12:59:00Z')).size).toBe(0);
  });

  it('says until when, on the port’s clock with its zone, in English', async () => {
    server();
    renderPage(<OpenWindowPopup featureId="san-ysidro" />, { now });
    const popup = await screen.findByTestId('repatriation-window-popup');
    expect(popup).toHaveTextContent('Repatriation window open now');
    expect(popup).toHaveTextContent('San Ysidro – Tijuana');
    expect(popup).toHaveTextContent('Open for repatriation until 18:00 PDT');
  });

  it('and in Spanish; the keyboard list names the port', async () => {
    server();
    renderPage(
      <>
        <OpenWindowPopup featureId="san-ysidro" />
        <p data-testid="label">
          <OpenWindowLabel featureId="san-ysidro" />
        </p>
      </>,
      { now, language: 'es' },
    );
    const popup = await screen.findByTestId('repatriation-window-popup');
    expect(popup).toHaveTextContent('Ventana de repatriación abierta ahora');
    expect(popup).toHaveTextContent('Abierto para repatriación hasta las 18:00 PDT');
    // The list puts the overlay's legend line before it: "Repatriation window open now: San Ysidro – Tijuana".
    expect(screen.getByTestId('label')).toHaveTextContent(/^San Ysidro – Tijuana$/);
  });

  it('shows nothing for a closed port inside a window', async () => {
    server();
    renderPage(
      <>
        <OpenWindowPopup featureId="calexico-west" />
        <OpenWindowPopup featureId="san-ysidro" />
      </>,
      { now },
    );
    expect(await screen.findAllByTestId('repatriation-window-popup')).toHaveLength(1);
    expect(screen.queryByText(/Calexico/)).not.toBeInTheDocument();
  });
});
