import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Acknowledgement } from '@shared/incidents/contract.js';
import type { Country } from '@shared/auth.js';
import { api } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

interface AcknowledgeResponse {
  incidentId: string;
  government: Country;
  acknowledgements: Acknowledgement[];
}

/** POST /api/incidents/:id/acknowledge: for the caller's government (idempotent). */
export function useAcknowledgeIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<AcknowledgeResponse>('POST', `/api/incidents/${encodeURIComponent(id)}/acknowledge`),
    // The answer holds the acknowledgements but not the alerts and timeline they change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id) }),
  });
}
