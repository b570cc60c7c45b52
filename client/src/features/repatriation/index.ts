import type { FeatureManifest } from '@client/lib/feature.js';
import { repatriationLiveBridge } from './live-bridge.js';
import { openWindowsOverlay } from './map/overlay.js';

/**
 * Safe and orderly repatriation (Plan of Action VI and VII): port schedules, the rule engine's
 * check as the officer types, planned movements with consular notice and reception by the
 * Mexican side, the arrangements editor and calendar feeds.
 */
export const repatriationManifest: FeatureManifest = {
  id: 'repatriation',
  routes: [
    {
      path: 'repatriation',
      permission: 'repatriation.read',
      page: () => import('./components/repatriation-page.js').then((m) => m.RepatriationPage),
    },
    {
      path: 'repatriation/arrangements',
      permission: 'arrangement.edit',
      page: () => import('./components/arrangements-page.js').then((m) => m.ArrangementsPage),
    },
  ],
  navigation: [{ label: 'nav.repatriation', path: '/repatriation', permission: 'repatriation.read', order: 50 }],
  mapOverlays: [openWindowsOverlay],
  liveBridge: repatriationLiveBridge,
};
