import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvestigationBody } from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** PUT /api/incidents/:id/investigation: record or update the investigation. */
export function useSaveInvestigation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvestigationBody) => call(incidentEndpoints.saveInvestigation, { params: { id }, body }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(incidentKeys.detail(id), fresh);
      // Its flag on the follow-up list may have changed; that list loads again when next shown.
      void queryClient.invalidateQueries({ queryKey: incidentKeys.investigations() });
    },
  });
}
