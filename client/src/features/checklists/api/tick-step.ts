import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Checklist, ChecklistKind } from '@shared/checklists/contract.js';
import { api } from '@client/lib/api-client.js';
import { placeChecklist } from './incident-checklists.js';

export interface TickStep {
  kind: ChecklistKind;
  stepId: string;
  done: boolean;
}

/** PUT /api/incidents/:id/checklists/:kind/steps/:stepId: tick or untick one step. */
export function useTickStep(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, stepId, done }: TickStep) =>
      api<Checklist>(
        'PUT',
        `/api/incidents/${encodeURIComponent(incidentId)}/checklists/${kind}/steps/${encodeURIComponent(stepId)}`,
        { done },
      ),
    onSuccess: (checklist) => placeChecklist(queryClient, checklist),
  });
}
