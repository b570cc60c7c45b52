import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChecklistKind } from '@shared/checklists/contract.js';
import { checklistEndpoints } from '@shared/checklists/endpoints.js';
import { call } from '@client/lib/api-client.js';
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
      call(checklistEndpoints.tick, { params: { id: incidentId, kind, stepId }, body: { done } }),
    onSuccess: (checklist) => placeChecklist(queryClient, checklist),
  });
}
