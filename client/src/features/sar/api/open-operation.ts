import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OpenSarBody } from '@shared/sar/contract.js';
import { sarEndpoints } from '@shared/sar/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/** POST /api/incidents/:id/sar: opens the operation; its answer goes straight into the cache. */
export function useOpenOperation(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSarBody) => call(sarEndpoints.open, { params: { id: incidentId }, body: body ?? {} }),
    onSuccess: (operation) => queryClient.setQueryData(sarKeys.operation(incidentId), operation),
  });
}
