import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '@shared/incidents/contract.js';
import { IncidentToasts, TOAST_MS } from '@client/features/incidents/components/incident-toasts.js';
import { UnreadAlerts } from '@client/features/incidents/components/unread-alerts.js';
import { useMarkSeen } from '@client/features/incidents/hooks/use-unread-alerts.js';
import { Outlet, useParams } from 'react-router';
import { PortStatusToasts } from '@client/features/reference/components/port-status-toasts.js';
import { anIncident, aPort, aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const mexicanConsul = aUser({ country: 'MX', role: 'consular', mechanismId: 'san-diego-tijuana' });
const created = (incident: Incident, actor: string | null = 'someone-else') =>
  ({ seq: 1, kind: 'incident.created', data: { incidentId: incident.id, incident }, actor }) as const;
const updated = (incident: Incident) =>
  ({ seq: 2, kind: 'incident.updated', data: { incidentId: incident.id, incident }, actor: 'someone-else' }) as const;
const acknowledged = (incident: Incident, government: 'MX' | 'US', actor = mexicanConsul.id) =>
  ({
    seq: 3,
    kind: 'alert.acknowledged',
    data: { incidentId: incident.id, alertId: 'a1', tier: 'local', government, by: 'Someone', at: '' },
    actor,
  }) as const;
const toastOf = (incident: Incident) =>
  screen.queryAllByTestId('incident-toast').find((toast) => toast.textContent?.includes(incident.summary));

/** The incident page's part in this: opened is seen. */
function IncidentPage() {
  const { id = '' } = useParams();
  useMarkSeen(id);
  return <p>incident page</p>;
}

/** The toasts and the unread marker over every page, as the shell has them; the map at first. */
function renderToasts() {
  return renderPage(null, {
    user: mexicanConsul,
    url: '/map',
    routes: [
      {
        element: (
          <>
            <UnreadAlerts />
            <IncidentToasts />
            <Outlet />
          </>
        ),
        children: [
          { path: '/incidents/:id', element: <IncidentPage /> },
          { path: '*', element: <p>the map</p> },
        ],
      },
    ],
  });
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
  it('opens the incident page from the toast, which marks the alert seen once it shows', async () => {
    fakeServer({});
    const { emit, router } = renderToasts();
    const incident = anIncident({ reportingCountry: 'US' });
    emit(created(incident));
    expect(screen.getByTestId('unread-alerts')).toHaveTextContent('1 unread alert');

    await userEvent.click(within(toastOf(incident)!).getByRole('link', { name: 'Open' }));

    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}`);
    expect(await screen.findByText('incident page')).toBeInTheDocument();
    expect(toastOf(incident)).toBeUndefined();
    await waitFor(() => expect(screen.queryByTestId('unread-alerts')).not.toBeInTheDocument());
  });

  it('follows its incident while shown: the status badge changes with it', () => {
    fakeServer({});
    const { emit } = renderToasts();
    const incident = anIncident({ reportingCountry: 'US', status: 'reported' });
    emit(created(incident));
    expect(within(toastOf(incident)!).getByText('Reported')).toBeInTheDocument();

    emit(updated({ ...incident, status: 'acknowledged', version: incident.version + 1 }));

    expect(within(toastOf(incident)!).getByText('Acknowledged')).toBeInTheDocument();
    expect(within(toastOf(incident)!).queryByText('Reported')).not.toBeInTheDocument();
  });

  it('goes away once the reader’s government acknowledged elsewhere, but not for the other government', () => {
    fakeServer({});
    const { emit } = renderToasts();
    const incident = anIncident({ reportingCountry: 'US' });
    emit(created(incident));

    emit(acknowledged(incident, 'US', 'a-us-officer'));
    expect(toastOf(incident)).toBeDefined();
    emit(acknowledged(incident, 'MX'));
    expect(toastOf(incident)).toBeUndefined();
  });

  it('stays to confirm an acknowledgement made from the toast itself, whenever its event arrives', async () => {
    const incident = anIncident({ reportingCountry: 'US' });
    fakeServer({
      [`POST /api/incidents/${incident.id}/acknowledge`]: () =>
        json(200, { incidentId: incident.id, government: 'MX', acknowledgements: [] }),
    });
    const { emit } = renderToasts();
    emit(created(incident));
    await userEvent.click(within(toastOf(incident)!).getByRole('button', { name: 'Acknowledge for Mexico' }));
    emit(acknowledged(incident, 'MX'));
    expect(await screen.findByTestId('toast-acknowledged')).toHaveTextContent('Acknowledged for Mexico');
    expect(toastOf(incident)).toBeDefined();
  });

  it('never alerts users about their own changes: their own report, their own port closure', () => {
    fakeServer({});
    const { emit } = renderPage(
      <>
        <IncidentToasts />
        <PortStatusToasts />
      </>,
      { user: mexicanConsul },
    );
    const mine = anIncident({ reportingCountry: 'MX' });
    emit(created(mine, mexicanConsul.id));
    expect(toastOf(mine)).toBeUndefined();
    const port = aPort({ status: 'closed', statusReason: 'weather', mechanismId: 'san-diego-tijuana' });
    emit({ seq: 5, kind: 'port.status', data: { portId: port.id, port }, actor: mexicanConsul.id });
    expect(screen.queryByTestId('port-toast')).not.toBeInTheDocument();

    // The same changes by someone else are news.
    emit(created(mine, 'someone-else'));
    expect(toastOf(mine)).toBeDefined();
    emit({ seq: 6, kind: 'port.status', data: { portId: port.id, port }, actor: 'someone-else' });
    expect(screen.getByTestId('port-toast')).toBeInTheDocument();
  });
});
