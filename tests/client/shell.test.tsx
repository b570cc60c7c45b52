import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appRoutes } from '@client/app/router.js';
import { aUser } from './support/factories.js';
import { fakeServer, json } from './support/fake-server.js';
import { renderPage } from './support/render.js';

const navigation = () => screen.getByRole('navigation', { name: 'Main navigation' });
const links = () =>
  within(navigation())
    .queryAllByRole('link')
    .map((link) => link.textContent);

describe('shell composed from the feature manifests', () => {
  it('shows a liaison officer the pages they may open, in order, with nothing left as coming soon', async () => {
    fakeServer({ 'GET /api/incidents': () => json(200, { items: [], nextCursor: null }) });
    renderPage(null, { routes: appRoutes, url: '/incidents', user: aUser({ role: 'liaison' }) });

    await screen.findByText('No incidents match.');
    expect(links()).toEqual([
      'Incidents',
      'Map',
      'High-risk areas',
      'Repatriation',
      'Liaison',
      'Ports and bridges',
      'Advisories',
      'Reports',
    ]);
    expect(within(navigation()).queryAllByTestId('nav-coming-soon')).toEqual([]);
    expect(within(navigation()).queryByText('Coming soon')).toBeNull();
    // Language buttons say what their accessible names say.
    for (const name of ['English', 'Español']) expect(screen.getByRole('button', { name })).toHaveTextContent(name);
    expect(within(navigation()).getByRole('link', { name: 'Incidents' })).toHaveAttribute('aria-current', 'page');
  });

  it('gives the central desks and supervisors their pages too', async () => {
    fakeServer({ 'GET /api/escalations': () => json(200, { items: [] }) });
    renderPage(null, {
      routes: appRoutes,
      url: '/central-desk',
      user: aUser({ role: 'supervisor', mechanismId: null }),
    });

    await screen.findByText('No escalated alerts.');
    expect(links()).toEqual([
      'Incidents',
      'Map',
      'High-risk areas',
      'Central desk',
      'Investigations',
      'Repatriation',
      'Liaison',
      'Ports and bridges',
      'Advisories',
      'Reports',
    ]);
  });

  it('refuses a page the user may not open, without asking the API for it', async () => {
    const server = fakeServer({});
    renderPage(null, { routes: appRoutes, url: '/central-desk', user: aUser({ role: 'consular' }), language: 'es' });

    expect(await screen.findByText('No tiene permiso para hacer esto.')).toBeInTheDocument();
    expect(server.to('GET /api/escalations')).toHaveLength(0);
  });

  it('answers an unknown address with a page that leads back to the map', async () => {
    fakeServer({});
    renderPage(null, { routes: appRoutes, url: '/repatriation/old-bookmark' });

    expect(await screen.findByText('There is no page at this address.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the border map' })).toHaveAttribute('href', '/map');
  });
});

describe('the header on a phone and with alerts waiting', () => {
  const awaiting = (count: number) =>
    json(200, {
      government: 'MX',
      items: Array.from({ length: count }, () => ({
        incidentId: crypto.randomUUID(),
        alertId: crypto.randomUUID(),
        tier: 'local',
        ackDeadline: '2026-07-04T21:10:00.000Z',
      })),
    });

  it('folds the pages, the language and signing out into a menu that opens and closes', async () => {
    fakeServer({ 'GET /api/incidents': () => json(200, { items: [], nextCursor: null }) });
    const { router } = renderPage(null, { routes: appRoutes, url: '/incidents', user: aUser({ role: 'liaison' }) });
    await screen.findByText('No incidents match.');

    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    const drawer = document.getElementById(menu.getAttribute('aria-controls')!)!;
    // The menu holds the navigation and the account's buttons (CSS shows it inline on wide screens).
    expect(within(drawer).getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(within(drawer).getByTestId('sign-out')).toBeInTheDocument();
    expect(within(drawer).getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(drawer).not.toHaveClass('open');

    await userEvent.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(drawer).toHaveClass('open');
    // Going to a page closes it.
    await userEvent.click(within(drawer).getByRole('link', { name: 'Ports and bridges' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/ports'));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(drawer).not.toHaveClass('open');
  });

  it('keeps the menu open while the page rewrites its own URL, and closes it on a link to the same page', async () => {
    fakeServer({ 'GET /api/incidents': () => json(200, { items: [], nextCursor: null }) });
    const { router } = renderPage(null, { routes: appRoutes, url: '/incidents', user: aUser({ role: 'liaison' }) });
    await screen.findByText('No incidents match.');
    const menu = screen.getByRole('button', { name: 'Menu' });
    const drawer = document.getElementById(menu.getAttribute('aria-controls')!)!;

    await userEvent.click(menu);
    // What the map does as it settles: replace the history entry with its view in the query.
    await act(() => router.navigate('/incidents?type=heat', { replace: true }));
    expect(drawer).toHaveClass('open');

    await userEvent.click(within(drawer).getByRole('link', { name: 'Incidents' }));
    expect(drawer).not.toHaveClass('open');
  });

  it('leaves the menu closed on coming back to the page it was opened on', async () => {
    fakeServer({
      'GET /api/incidents': () => json(200, { items: [], nextCursor: null }),
      'GET /api/ports': () => json(200, { type: 'FeatureCollection', features: [] }),
    });
    const { router } = renderPage(null, { routes: appRoutes, url: '/incidents', user: aUser({ role: 'liaison' }) });
    await screen.findByText('No incidents match.');
    const menu = screen.getByRole('button', { name: 'Menu' });
    const drawer = document.getElementById(menu.getAttribute('aria-controls')!)!;

    await userEvent.click(menu);
    // Away by a link on the page (not the menu's), then the browser's Back.
    await act(() => router.navigate('/ports'));
    expect(drawer).not.toHaveClass('open');
    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents'));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(drawer).not.toHaveClass('open');
  });

  it('puts the toasts below the header, never in it', async () => {
    fakeServer({ 'GET /api/incidents': () => json(200, { items: [], nextCursor: null }) });
    renderPage(null, { routes: appRoutes, url: '/incidents', user: aUser({ role: 'liaison' }) });
    await screen.findByText('No incidents match.');
    const region = document.querySelector('.toast-region')!;
    expect(region.querySelectorAll('.toasts').length).toBeGreaterThan(0);
    expect(region.closest('header')).toBeNull();
    expect(region.parentElement).toBe(document.querySelector('main')!.parentElement);
  });

  it.each([
    ['en', '3 awaiting', '3 awaiting acknowledgement by Mexico'],
    ['es', '3 en espera', '3 en espera de acuse de México'],
  ] as const)('labels the awaiting count in %s: "%s", named "%s"', async (language, short, name) => {
    fakeServer({
      'GET /api/incidents': () => json(200, { items: [], nextCursor: null }),
      'GET /api/incidents/awaiting-acknowledgement': () => awaiting(3),
    });
    renderPage(null, {
      routes: appRoutes,
      url: '/incidents',
      language,
      user: aUser({ role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' }),
    });
    const counter = await screen.findByRole('link', { name });
    // Where the header is narrow (CSS hides the long words), the number reads with its short word.
    const visible = `${counter.querySelector('.counter-number')!.textContent} ${counter.querySelector('.counter-short')!.textContent}`;
    expect(visible).toBe(short);
  });
});
