import { screen, within } from '@testing-library/react';
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
