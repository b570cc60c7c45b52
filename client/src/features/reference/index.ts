import type { FeatureManifest } from '@client/lib/feature.js';
import { referenceOverlays } from './map/overlays.js';

/** The reference geography (Plan of Action I): ports, high-risk areas, stations (mechanisms: the liaison feature). */
export const referenceManifest: FeatureManifest = {
  id: 'reference',
  mapOverlays: referenceOverlays,
};
