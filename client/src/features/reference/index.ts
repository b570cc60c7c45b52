import type { FeatureManifest } from '@client/lib/feature.js';
import { referenceOverlays } from './map/overlays.js';

/** The mechanisms, for other features' filters and forms. */
export { useMechanisms } from './api/mechanisms.js';

/** The reference geography (Plan of Action I and VIII): ports, mechanisms, high-risk areas, stations. */
export const referenceManifest: FeatureManifest = {
  id: 'reference',
  mapOverlays: referenceOverlays,
};
