import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Advisory } from '@shared/advisories/contract.js';
import { api } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** POST /api/advisories/:id/cancel with an optional reason (CAP Cancel `<note>`). */
export function useCancelAdvisory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Advisory>('POST', `/api/advisories/${encodeURIComponent(id)}/cancel`, reason ? { reason } : {}),
    onSuccess: (advisory) => {
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.detail(advisory.id), exact: true });
    },
  });
}
