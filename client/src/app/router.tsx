import { createHashRouter, Navigate, type RouteObject } from 'react-router';
import type { FeatureRoute } from '@client/lib/feature.js';
import { useI18n } from '@client/lib/i18n.js';
import type { Permission } from '@shared/permissions.js';
import { DEFAULT_PATH } from './default-path.js';
import { loadMapHostPage } from './map/map-host-page-code.js';
import { routes } from './features.js';
import { NotFoundPage } from './not-found-page.js';
import { RouteError } from './route-error.js';
import { Shell } from './shell.js';

/** Read by the shell: who may see the matched page. */
export interface RouteHandle {
  permission: Permission | null;
}

function toRouteObject({ path, permission, page }: FeatureRoute): RouteObject {
  const handle: RouteHandle = { permission };
  return { path, handle, lazy: async () => ({ Component: await page() }) };
}

const mapHost: FeatureRoute = {
  path: 'map',
  permission: null,
  page: loadMapHostPage,
};

/** The console's pages: the shell around every feature's routes, the map host and a 404. */
export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    HydrateFallback: Loading,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to={DEFAULT_PATH} replace /> },
          toRouteObject(mapHost),
          ...routes.map(toRouteObject),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * Hash history (`#/incidents/…`): the server serves the client as static files with no
 * fallback to index.html, so deep links, bookmarks and reloads work from any static file
 * server, and every link made before this router keeps working.
 */
const createAppRouter = () => createHashRouter(appRoutes);

/** While the first page's code loads. */
function Loading() {
  const { t } = useI18n();
  return <p className="page-message">{t('shell.loading')}</p>;
}

let router: ReturnType<typeof createAppRouter> | undefined;

/**
 * Created on first sign-in, so a signed-out visitor loads no page's code (but the map's, when
 * the app opens on it: early-start.ts).
 */
export function appRouter() {
  router ??= createAppRouter();
  return router;
}
