import { loadBasemap } from '@client/lib/map/basemap.js';
import { loadMapLibre } from '@client/lib/map/maplibre.js';
import { DEFAULT_PATH } from '../default-path.js';

/**
 * The first module the app runs (main.tsx imports it before anything else). A page that opens
 * on the map (the default page, also for `#/` and no hash) starts its basemap (public geography,
 * no session needed) and MapLibre here, while the rest of the app's code runs, the session is
 * checked and the page's code loads, instead of after them. A failure here is the map's to show,
 * when it asks for them again.
 */
const opening = location.hash.replace(/^#/, '').split('?')[0]!.replace(/^\/?$/, DEFAULT_PATH);
if (opening === DEFAULT_PATH) {
  loadBasemap().catch(() => undefined);
  loadMapLibre().catch(() => undefined);
}
