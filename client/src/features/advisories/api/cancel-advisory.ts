import { useMutation, useQueryClient } from '@tanstack/react-query';
import { advisoryEndpoints } from '@shared/advisories/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** POST /api/advisories/:id/cancel with an optional reason (CAP Cancel `<note>`). */
export function useCancelAdvisory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call(advisoryEndpoints.cancel, { params: { id }, body: reason ? { reason } : {} }),
    onSuccess: (advisory) => {
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.detail(advisory.id), exact: true });
    },
  });
}
