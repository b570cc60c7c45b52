import type { FeatureManifest } from '@client/lib/feature.js';
import { placePort } from './api/set-port-status.js';
import { PortStatusToasts } from './components/port-status-toasts.js';
import { referenceOverlays } from './map/overlays.js';

/** Ports for other features' pages (repatriation schedules, emergencies), kept current by this feature's bridge. */
export { portsQuery, usePorts } from './api/ports.js';
/** High-risk areas for the areas feature's editor, which keeps this one cache current with its live bridge. */
export { areasQuery, useAreas } from './api/areas.js';
/** A port by both sides' names, each language naming its own side first (the review reports). */
export { usePortName } from './components/port-popup.js';

/**
 * The reference geography (Plan of Action I): ports, high-risk areas, stations (mechanisms: the
 * liaison feature); and the ports and bridges board (Plan of Action V, emergencies at crossing points).
 */
export const referenceManifest: FeatureManifest = {
  id: 'reference',
  routes: [
    {
      path: 'ports',
      permission: 'reference.read',
      page: () => import('./components/ports-board-page.js').then((m) => m.PortsBoardPage),
    },
  ],
  navigation: [{ label: 'nav.ports', path: '/ports', permission: 'reference.read', order: 65 }],
  widgets: [{ id: 'port-status-toasts', slot: 'overlay', Component: PortStatusToasts }],
  mapOverlays: referenceOverlays,
  liveBridge: {
    // Plan of Action V: an opened, restricted or closed port, everywhere it is shown.
    'port.status': ({ port }, queryClient) => placePort(queryClient, port),
  },
};
