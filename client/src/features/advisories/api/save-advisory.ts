import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdvisoryBody } from '@shared/advisories/contract.js';
import { advisoryEndpoints } from '@shared/advisories/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** POST /api/advisories (a new draft) or PUT /api/advisories/:id (a published one sends a CAP Update). */
export function useSaveAdvisory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AdvisoryBody }) =>
      id ? call(advisoryEndpoints.update, { params: { id }, body }) : call(advisoryEndpoints.create, { body }),
    onSuccess: (advisory) => {
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.detail(advisory.id), exact: true });
    },
  });
}
