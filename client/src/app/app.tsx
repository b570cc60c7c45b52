import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { ConfigProvider } from '@client/lib/config.js';
import { I18nProvider, useI18n } from '@client/lib/i18n.js';
import { LiveProvider, useLiveBridges } from '@client/lib/live.js';
import { createQueryClient } from '@client/lib/query-client.js';
import { SessionProvider, useSession } from '@client/lib/session.js';
import { IncidentSlotsProvider } from '@client/lib/incident-slots.js';
import { PlaceSearchProvider } from '@client/lib/use-place-search-index.js';
import { features, incidentSlots, liveBridges, mapOverlays } from './features.js';
import { appRouter } from './router.js';

const queryClient = createQueryClient();
const SignedOutPage = features.find((feature) => feature.signedOutPage)!.signedOutPage!;

/** Every feature's live bridge, fed from the one websocket. */
function LiveCacheBridges() {
  useLiveBridges(liveBridges);
  return null;
}

function SignedInOrOut() {
  const { user } = useSession();
  const { t } = useI18n();
  if (user === undefined) return <p className="page-message">{t('shell.loading')}</p>;
  if (user === null) return <SignedOutPage />;
  // Keyed by user: signing in as someone else starts a fresh websocket and fresh state.
  return (
    <ConfigProvider key={user.id}>
      <LiveProvider>
        <LiveCacheBridges />
        {/* Every form's place search finds what the map's overlays name (ports, areas, mechanisms). */}
        <PlaceSearchProvider overlays={mapOverlays}>
          {/* The incident page's panels and timeline kinds, from the features that contribute them. */}
          <IncidentSlotsProvider slots={incidentSlots}>
            <RouterProvider router={appRouter()} />
          </IncidentSlotsProvider>
        </PlaceSearchProvider>
      </LiveProvider>
    </ConfigProvider>
  );
}

/** Providers, then the session decides: the sign-in page, or the router with every feature's pages. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <SignedInOrOut />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
