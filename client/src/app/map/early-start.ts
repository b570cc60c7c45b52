import { loadBasemap } from '@client/lib/map/basemap.js';
import { loadMapLibre } from '@client/lib/map/maplibre.js';
import { DEFAULT_PATH } from '../default-path.js';
import { loadMapHostPage } from './map-host-page-code.js';

/**
 * The first module the app runs (main.tsx imports it before anything else). A page that opens
 * on the map (the default page, also for `#/` and no hash) starts its basemap (public geography,
 * no session needed), MapLibre and the page's own code here, while the rest of the app's code
 * runs and the session is checked, instead of one after another: on a link with a long round
 * trip each step waited for the one before. A failure here is the map's (or the route's) to
 * show, when it asks for them again.
 */
const opening = location.hash.replace(/^#/, '').split('?')[0]!.replace(/^\/?$/, DEFAULT_PATH);
if (opening === DEFAULT_PATH) {
  loadBasemap().catch(() => undefined);
  loadMapLibre().catch(() => undefined);
  loadMapHostPage().catch(() => undefined);
}
