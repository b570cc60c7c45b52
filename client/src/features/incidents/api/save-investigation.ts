import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IncidentDetail, InvestigationBody } from '@shared/incidents/contract.js';
import { api } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** PUT /api/incidents/:id/investigation: record or update the investigation. */
export function useSaveInvestigation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvestigationBody) =>
      api<IncidentDetail>('PUT', `/api/incidents/${encodeURIComponent(id)}/investigation`, body),
    onSuccess: (fresh) => {
      queryClient.setQueryData(incidentKeys.detail(id), fresh);
      // Its flag on the follow-up list may have changed; that list loads again when next shown.
      void queryClient.invalidateQueries({ queryKey: incidentKeys.investigations() });
    },
  });
}
