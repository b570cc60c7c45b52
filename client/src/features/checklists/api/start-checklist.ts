import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChecklistKind } from '@shared/checklists/contract.js';
import { checklistEndpoints } from '@shared/checklists/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { placeChecklist } from './incident-checklists.js';

/** POST /api/incidents/:id/checklists: start the checklist of one emergency kind. */
export function useStartChecklist(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ChecklistKind) => call(checklistEndpoints.start, { params: { id: incidentId }, body: { kind } }),
    onSuccess: (checklist) => placeChecklist(queryClient, checklist),
  });
}
