import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** POST /api/incidents/:id/acknowledge: for the caller's government (idempotent). */
export function useAcknowledgeIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(incidentEndpoints.acknowledge, { params: { id } }),
    // The answer holds the acknowledgements but not the alerts and timeline they change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id) }),
  });
}
