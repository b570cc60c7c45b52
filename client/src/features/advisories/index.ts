import type { FeatureManifest } from '@client/lib/feature.js';
import { AdvisoryToasts } from './components/advisory-toasts.js';
import { advisoriesLiveBridge } from './live-bridge.js';
import { advisoriesOverlay } from './map/overlay.js';

/**
 * Weather advisories (Plan of Action V, Emergency Management): bilingual advisories for the
 * high-risk areas, published as live alerts and as the public CAP 1.2 feed.
 */
export const advisoriesManifest: FeatureManifest = {
  id: 'advisories',
  routes: [
    {
      path: 'advisories',
      permission: 'advisory.read',
      page: () => import('./components/advisories-page.js').then((m) => m.AdvisoriesPage),
    },
  ],
  navigation: [{ label: 'nav.advisories', path: '/advisories', permission: 'advisory.read', order: 70 }],
  widgets: [{ id: 'advisory-toasts', slot: 'overlay', Component: AdvisoryToasts, permission: 'advisory.read' }],
  mapOverlays: [advisoriesOverlay],
  liveBridge: advisoriesLiveBridge,
};
