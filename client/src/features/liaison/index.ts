import type { FeatureManifest } from '@client/lib/feature.js';
import { liaisonLiveBridge } from './live-bridge.js';
import { mechanismsOverlay } from './map/overlay.js';

/** For other features: "who do I call now for this place?" (the operations map's area statistics show it). */
export { WhoToCallPanel } from './components/who-to-call-panel.js';
/** The mechanisms, for other features' filters and forms. */
export { useMechanisms } from './api/mechanisms.js';

/**
 * The liaison mechanisms (Plan of Action VIII): the list with its flags, a mechanism's
 * page (on duty now, members, rotation, overrides, meetings), their areas on the map.
 */
export const liaisonManifest: FeatureManifest = {
  id: 'liaison',
  routes: [
    {
      path: 'mechanisms',
      permission: 'liaison.read',
      page: () => import('./components/mechanisms-page.js').then((m) => m.MechanismsPage),
    },
    {
      path: 'mechanisms/:id',
      permission: 'liaison.read',
      page: () => import('./components/mechanism-page.js').then((m) => m.MechanismPage),
    },
  ],
  navigation: [{ label: 'nav.liaison', path: '/mechanisms', permission: 'liaison.read', order: 60 }],
  mapOverlays: [mechanismsOverlay],
  incidentPanels: [
    {
      id: 'who-to-call',
      order: 40,
      panel: () => import('./components/who-to-call-on-incident.js').then((m) => m.WhoToCallOnIncident),
    },
  ],
  liveBridge: liaisonLiveBridge,
};
