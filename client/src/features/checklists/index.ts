import type { FeatureManifest } from '@client/lib/feature.js';
import { checklistsLiveBridge } from './live-bridge.js';

/** The checklist panel of the incident page. */
export { ChecklistPanel } from './components/checklist-panel.js';

/**
 * Checklists per emergency kind (Plan of Action V: bomb threats, trans-border pursuit, wildfires,
 * floods, heat waves, snow storms), followed and ticked on an incident, live on both sides.
 */
export const checklistsManifest: FeatureManifest = {
  id: 'checklists',
  liveBridge: checklistsLiveBridge,
};
