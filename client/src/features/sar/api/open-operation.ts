import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpenSarBody, SarOperation } from '@shared/sar/contract.js';
import { api } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/** POST /api/incidents/:id/sar: opens the operation; its answer goes straight into the cache. */
export function useOpenOperation(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSarBody) =>
      api<SarOperation>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/sar`, body ?? {}),
    onSuccess: (operation) => queryClient.setQueryData(sarKeys.operation(incidentId), operation),
  });
}
