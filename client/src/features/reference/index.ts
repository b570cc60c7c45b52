import type { Port } from '@shared/reference/contract.js';
import type { FeatureManifest } from '@client/lib/feature.js';
import { portsQuery } from './api/ports.js';
import { referenceOverlays } from './map/overlays.js';

/** Ports for other features' pages (repatriation schedules, emergencies), kept current by this feature's bridge. */
export { portsQuery, usePorts } from './api/ports.js';
/** High-risk areas for the areas feature's editor, which keeps this one cache current with its live bridge. */
export { areasQuery, useAreas } from './api/areas.js';

/** The reference geography (Plan of Action I): ports, high-risk areas, stations (mechanisms: the liaison feature). */
export const referenceManifest: FeatureManifest = {
  id: 'reference',
  mapOverlays: referenceOverlays,
  liveBridge: {
    // Plan of Action V: an opened, restricted or closed port, everywhere it is shown.
    'port.status': ({ port }, queryClient) =>
      queryClient.setQueryData<Port[]>(portsQuery.queryKey, (ports) =>
        ports?.map((p) => (p.id === port.id ? port : p)),
      ),
  },
};
