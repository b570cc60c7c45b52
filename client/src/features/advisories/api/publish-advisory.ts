import { useMutation, useQueryClient } from '@tanstack/react-query';
import { advisoryEndpoints } from '@shared/advisories/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** POST /api/advisories/:id/publish: refused (400) until both languages are written. */
export function usePublishAdvisory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(advisoryEndpoints.publish, { params: { id } }),
    onSuccess: (advisory) => {
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.detail(advisory.id), exact: true });
    },
  });
}
