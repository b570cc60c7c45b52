import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '@shared/incidents/contract.js';
import { IncidentToasts, TOAST_MS } from '@client/features/incidents/components/incident-toasts.js';
import { UnreadAlerts } from '@client/features/incidents/components/unread-alerts.js';
import { anIncident, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const mexicanConsul = aUser({ country: 'MX', role: 'consular', mechanismId: 'san-diego-tijuana' });
const created = (incident: Incident) =>
  ({ seq: 1, kind: 'incident.created', data: { incidentId: incident.id, incident } }) as const;
const toastOf = (incident: Incident) =>
  screen.queryAllByTestId('incident-toast').find((toast) => toast.textContent?.includes(incident.summary));

function renderToasts() {
  return renderPage(
    <>
      <UnreadAlerts />
      <IncidentToasts />
    </>,
    { user: mexicanConsul },
  );
}

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('incident toasts', () => {
  it('lets each toast run out on its own timer: a newer one never keeps an older one up', () => {
    vi.useFakeTimers();
    fakeServer({});
    const { emit } = renderToasts();
    const [first, second] = [anIncident({ reportingCountry: 'US' }), anIncident({ reportingCountry: 'US' })];

    emit(created(first));
    act(() => vi.advanceTimersByTime(TOAST_MS - 5_000));
    emit(created(second));
    act(() => vi.advanceTimersByTime(5_001));
    expect(toastOf(first)).toBeUndefined();
    expect(toastOf(second)).toBeDefined();
    act(() => vi.advanceTimersByTime(TOAST_MS - 5_000));
    expect(toastOf(second)).toBeUndefined();
  });

  it('acknowledges for the reader’s government from the toast itself', async () => {
    const incident = anIncident({ reportingCountry: 'US' });
    const server = fakeServer({
      [`POST /api/incidents/${incident.id}/acknowledge`]: () =>
        json(200, { incidentId: incident.id, government: 'MX', acknowledgements: [] }),
    });
    const { emit } = renderToasts();
    emit(created(incident));

    await userEvent.click(within(toastOf(incident)!).getByRole('button', { name: 'Acknowledge for Mexico' }));

    expect(await screen.findByTestId('toast-acknowledged')).toHaveTextContent('Acknowledged for Mexico');
    expect(server.to(`POST /api/incidents/${incident.id}/acknowledge`)).toHaveLength(1);
    // Acting on it is seeing it.
    expect(screen.queryByTestId('unread-alerts')).not.toBeInTheDocument();
  });

  it('offers no acknowledgement on a toast about the reader’s own government’s report', () => {
    fakeServer({});
    const { emit } = renderToasts();
    const incident = anIncident({ reportingCountry: 'MX' });
    emit(created(incident));
    expect(within(toastOf(incident)!).queryByTestId('toast-acknowledge')).not.toBeInTheDocument();
  });

  it('keeps an alert marked unread after its toast is gone, across a reload, until it is opened', async () => {
    fakeServer({});
    const first = renderToasts();
    const incident = anIncident({ reportingCountry: 'US' });
    first.emit(created(incident));
    await userEvent.click(within(toastOf(incident)!).getByRole('button', { name: 'Close' }));
    expect(screen.getByTestId('unread-alerts')).toHaveTextContent('1 unread alert');
    first.unmount();

    renderToasts();
    const marker = screen.getByTestId('unread-alerts');
    expect(marker).toHaveTextContent('1 unread alert');
    await userEvent.click(within(marker).getByText('1 unread alert'));
    await userEvent.click(within(marker).getByRole('link', { name: 'New incident: Migrants in distress' }));
    expect(screen.queryByTestId('unread-alerts')).not.toBeInTheDocument();
  });
});
