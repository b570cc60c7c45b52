import type { FeatureManifest } from '@client/lib/feature.js';
import { sarLiveBridge } from './live-bridge.js';

/** For the incident page: the search-and-rescue panel with its sectors map. */
export { SarPanel } from './components/sar-panel-lazy.js';

/**
 * Search and rescue (Plan of Action V, Emergency Management; Plan I, search-and-rescue
 * plans): operations on an incident, shown on the incident page, kept live on both sides.
 */
export const sarManifest: FeatureManifest = {
  id: 'sar',
  liveBridge: sarLiveBridge,
};
