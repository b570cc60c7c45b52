import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Checklist, ChecklistKind } from '@shared/checklists/contract.js';
import { api } from '@client/lib/api-client.js';
import { placeChecklist } from './incident-checklists.js';

/** POST /api/incidents/:id/checklists: start the checklist of one emergency kind. */
export function useStartChecklist(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ChecklistKind) =>
      api<Checklist>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/checklists`, { kind }),
    onSuccess: (checklist) => placeChecklist(queryClient, checklist),
  });
}
