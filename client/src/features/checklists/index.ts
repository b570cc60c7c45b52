import type { FeatureManifest } from '@client/lib/feature.js';
import { checklistsLiveBridge } from './live-bridge.js';
import { checklistTimelineRenderers } from './timeline-renderers.js';

/**
 * Checklists per emergency kind (Plan of Action V: bomb threats, trans-border pursuit, wildfires,
 * floods, heat waves, snow storms), followed and ticked on an incident, live on both sides.
 */
export const checklistsManifest: FeatureManifest = {
  id: 'checklists',
  incidentPanels: [
    {
      id: 'checklists',
      order: 10,
      panel: () => import('./components/checklist-panel.js').then((m) => m.ChecklistPanel),
    },
  ],
  timelineRenderers: checklistTimelineRenderers,
  liveBridge: checklistsLiveBridge,
};
