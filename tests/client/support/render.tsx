import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { SessionUser } from '@shared/auth.js';
import type { LiveEvent } from '@shared/events.js';
import type { Language } from '@shared/i18n/index.js';
import { ClockProvider } from '@client/lib/clock.js';
import { configQuery, ConfigProvider } from '@client/lib/config.js';
import type { FeatureManifest } from '@client/lib/feature.js';
import { I18nProvider } from '@client/lib/i18n.js';
import { IncidentSlotsProvider, incidentSlotsOf } from '@client/lib/incident-slots.js';
import { LiveProvider, useLiveBridges, type LiveBridge, type LiveConnector } from '@client/lib/live.js';
import { sessionQuery } from '@client/lib/session.js';
import { aConfig, aUser } from './factories.js';

interface Options {
  /** The URL the page opens at (path and search). */
  url?: string;
  /** The route pattern the element is mounted at. */
  route?: string;
  /** A whole route tree instead (the app's), for tests of the shell. */
  routes?: RouteObject[];
  language?: Language;
  user?: SessionUser;
  /** The instant every clock reads (ms since the epoch). */
  now?: number;
  /** Live → cache bridges to run, as the app runs every feature's. */
  bridges?: readonly LiveBridge[];
  /** Features whose incident-page panels and timeline renderers the page hosts, as the app hands it every feature's. */
  features?: readonly FeatureManifest[];
  /** The live connection subscribes only when the test calls `goLive` (a slow socket), not at once. */
  liveLater?: boolean;
}

function Bridges({ bridges }: { bridges: readonly LiveBridge[] }) {
  useLiveBridges(bridges);
  return null;
}

/**
 * Renders a feature's page as the app would: a fresh query cache with the signed-in user
 * and configuration in it, i18n in the given language, a pinned clock, a live connection
 * the test drives with `emit`, and a memory router at `url`.
 */
export function renderPage(element: ReactElement | null, options: Options = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(sessionQuery.queryKey, options.user ?? aUser());
  queryClient.setQueryData(configQuery.queryKey, aConfig());

  let deliver: (event: LiveEvent) => void = () => {
    throw new Error('live connection not started');
  };
  let goLive = () => {};
  const connect: LiveConnector = (onEvent, onState) => ({
    start: () => {
      deliver = onEvent;
      goLive = () => onState('live');
      if (!options.liveLater) goLive();
    },
    stop: () => undefined,
  });

  const routes = options.routes ?? [
    { path: options.route ?? '*', element },
    { path: '*', element: <p>elsewhere</p> },
  ];
  const router = createMemoryRouter(routes, { initialEntries: [options.url ?? '/'] });
  const now = options.now ?? Date.parse('2026-07-04T21:00:00Z');

  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLanguage={options.language ?? 'en'}>
        <ClockProvider now={() => now}>
          <ConfigProvider>
            <LiveProvider connect={connect}>
              <Bridges bridges={options.bridges ?? []} />
              <IncidentSlotsProvider slots={incidentSlotsOf(options.features ?? [])}>
                <RouterProvider router={router} />
              </IncidentSlotsProvider>
            </LiveProvider>
          </ConfigProvider>
        </ClockProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );

  return {
    ...view,
    router,
    queryClient,
    /** Delivers a live event as the websocket would. */
    emit: (event: LiveEvent) => act(() => deliver(event)),
    /** Subscribes the live connection (with `liveLater`). */
    goLive: () => act(() => goLive()),
  };
}
