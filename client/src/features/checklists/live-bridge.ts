import type { IncidentChecklists } from '@shared/checklists/contract.js';
import type { LiveBridge } from '@client/lib/live.js';
import { checklistKeys } from './api/keys.js';

/**
 * `checklist.updated` → the incident's cached checklists. A start adds the checklist; a tick
 * or untick changes only the step it names, so an older event arriving after the user's own
 * answer cannot undo another step the answer already showed.
 */
export const checklistsLiveBridge: LiveBridge = {
  'checklist.updated': ({ incidentId, checklist, stepId, done, by, at }, queryClient) =>
    queryClient.setQueryData<IncidentChecklists>(checklistKeys.ofIncident(incidentId), (cached) => {
      if (!cached) return cached;
      const shown = cached.checklists.find((c) => c.id === checklist.id);
      if (!shown) return { ...cached, checklists: [...cached.checklists, checklist] };
      if (stepId === null) return cached;
      const steps = shown.steps.map((s) =>
        s.id === stepId ? { ...s, done: Boolean(done), by: done ? by : null, at: done ? at : null } : s,
      );
      return { ...cached, checklists: cached.checklists.map((c) => (c.id === shown.id ? { ...c, steps } : c)) };
    }),
};
