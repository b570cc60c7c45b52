import type { FeatureManifest } from '@client/lib/feature.js';
import { sarLiveBridge } from './live-bridge.js';
import { sarTimelineRenderers } from './timeline-renderers.js';

/**
 * Search and rescue (Plan of Action V, Emergency Management; Plan I, search-and-rescue
 * plans): operations on an incident, shown on the incident page, kept live on both sides.
 */
export const sarManifest: FeatureManifest = {
  id: 'sar',
  // Its operation, sectors map and progress log; the map (MapLibre) loads with the incident page.
  incidentPanels: [{ id: 'sar', order: 30, panel: () => import('./components/sar-panel.js').then((m) => m.SarPanel) }],
  timelineRenderers: sarTimelineRenderers,
  liveBridge: sarLiveBridge,
};
