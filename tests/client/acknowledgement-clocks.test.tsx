import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { useIncident } from '@client/features/incidents/api/get-incident.js';
import { AcknowledgementClocks } from '@client/features/incidents/components/acknowledgement-clocks.js';
import { anAlert, anIncidentDetail, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const raisedAt = '2026-07-04T21:00:00.000Z';
const ackDeadline = '2026-07-04T21:10:00.000Z';
const minutesAfterRaise = (minutes: number) => Date.parse(raisedAt) + minutes * 60_000;

/** The clocks as the incident page shows them: fed by the incident's query. */
function ClocksOf({ id }: { id: string }) {
  const { data } = useIncident(id);
  return data ? <AcknowledgementClocks detail={data} /> : null;
}

function serve(detail: IncidentDetail) {
  return fakeServer({ [`GET /api/incidents/${detail.id}`]: () => json(200, detail) });
}

describe('acknowledgement clocks (one per government, Plan of Action V)', () => {
  it('counts a pending government’s minutes and the time left to the deadline', async () => {
    const detail = anIncidentDetail({ alerts: [anAlert({ raisedAt, ackDeadline })] });
    serve(detail);
    renderPage(<ClocksOf id={detail.id} />, { now: minutesAfterRaise(3) });

    const us = await screen.findByTestId('ack-US');
    expect(us).toHaveAttribute('data-state', 'pending');
    expect(us).toHaveTextContent('U.S. pending 3 min · deadline in 7:00');
    expect(screen.getByTestId('ack-MX')).toHaveTextContent('Mexico pending 3 min · deadline in 7:00');
  });

  it('shows who acknowledged and when, on the place’s clock with its zone', async () => {
    const mx = {
      government: 'MX' as const,
      tier: 'local' as const,
      by: 'Rodrigo Ficticio',
      at: '2026-07-04T21:02:00.000Z',
      withReport: false,
    };
    const detail = anIncidentDetail({ alerts: [anAlert({ raisedAt, ackDeadline, acknowledgements: [mx] })] });
    serve(detail);
    renderPage(<ClocksOf id={detail.id} />, { now: minutesAfterRaise(4) });

    const clock = await screen.findByTestId('ack-MX');
    expect(clock).toHaveAttribute('data-state', 'acknowledged');
    // Tijuana is on Pacific daylight time in July: 21:02 UTC is 2:02 PM there.
    expect(clock).toHaveTextContent('Mexico acknowledged 2:02 PM PDT by Rodrigo Ficticio');
    expect(screen.getByTestId('ack-US')).toHaveAttribute('data-state', 'pending');
  });

  it('says the deadline passed once it has', async () => {
    const detail = anIncidentDetail({ alerts: [anAlert({ raisedAt, ackDeadline })] });
    serve(detail);
    renderPage(<ClocksOf id={detail.id} />, { now: minutesAfterRaise(12) });

    const deadline = within(await screen.findByTestId('ack-US')).getByText('deadline passed');
    expect(deadline).toHaveClass('overdue');
  });

  it('speaks Spanish with the governments’ Spanish names', async () => {
    const detail = anIncidentDetail({ alerts: [anAlert({ raisedAt, ackDeadline })] });
    serve(detail);
    renderPage(<ClocksOf id={detail.id} />, { now: minutesAfterRaise(3), language: 'es' });

    expect(await screen.findByTestId('ack-US')).toHaveTextContent('EE. UU. pendiente 3 min · plazo en 7:00');
    expect(screen.getByRole('button')).toHaveTextContent('Acusar recibo por EE. UU.');
  });

  it('acknowledges for the reader’s government and then shows the incident as the server has it', async () => {
    const pending = anIncidentDetail({ alerts: [anAlert({ raisedAt, ackDeadline })] });
    const us = {
      government: 'US' as const,
      tier: 'local' as const,
      by: 'Jordan Placeholder',
      at: '2026-07-04T21:05:00.000Z',
      withReport: false,
    };
    const acknowledged: IncidentDetail = { ...pending, alerts: [{ ...pending.alerts[0]!, acknowledgements: [us] }] };
    let current = pending;
    const server = fakeServer({
      [`GET /api/incidents/${pending.id}`]: () => json(200, current),
      [`POST /api/incidents/${pending.id}/acknowledge`]: () => {
        current = acknowledged;
        return json(200, { incidentId: pending.id, government: 'US', acknowledgements: [us] });
      },
    });
    renderPage(<ClocksOf id={pending.id} />, { now: minutesAfterRaise(5), user: aUser({ country: 'US' }) });

    await userEvent.click(await screen.findByRole('button', { name: 'Acknowledge for U.S.' }));

    await screen.findByText('U.S. acknowledged 2:05 PM PDT by Jordan Placeholder');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(server.to(`POST /api/incidents/${pending.id}/acknowledge`)).toHaveLength(1);
  });

  it('shows the reporting government’s acknowledgement as made with the report, in 24-hour Spanish', async () => {
    const withReport = {
      government: 'US' as const,
      tier: 'local' as const,
      by: 'Jordan Placeholder',
      at: raisedAt,
      withReport: true,
    };
    const detail = anIncidentDetail({
      reportingCountry: 'US',
      alerts: [anAlert({ raisedAt, ackDeadline, acknowledgements: [withReport] })],
    });
    serve(detail);
    renderPage(<ClocksOf id={detail.id} />, {
      now: minutesAfterRaise(3),
      language: 'es',
      user: aUser({ country: 'US' }),
    });

    const us = await screen.findByTestId('ack-US');
    expect(us).toHaveTextContent('EE. UU. acusó recibo con el reporte 14:00 PDT por Jordan Placeholder');
    expect(screen.getByTestId('ack-MX')).toHaveTextContent('México pendiente 3 min · plazo en 7:00');
    // The reporter's government has nothing left to acknowledge.
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('asks nothing more once the incident is resolved: its alert is settled, no clock runs, no button', async () => {
    const detail = anIncidentDetail({
      status: 'resolved',
      alerts: [anAlert({ raisedAt, ackDeadline, settledAt: '2026-07-04T21:04:00.000Z' })],
    });
    serve(detail);
    renderPage(<ClocksOf id={detail.id} />, { now: minutesAfterRaise(30), user: aUser({ country: 'MX' }) });

    const mx = await screen.findByTestId('ack-MX');
    expect(mx).toHaveAttribute('data-state', 'settled');
    expect(mx).toHaveTextContent('Mexico: no longer needed');
    expect(screen.queryByText(/deadline/)).not.toBeInTheDocument();
    expect(screen.getByTestId('alerts-settled')).toHaveTextContent('Settled 2:04 PM PDT: the incident is Resolved');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
