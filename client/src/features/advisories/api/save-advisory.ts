import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Advisory, AdvisoryBody } from '@shared/advisories/contract.js';
import { api } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** POST /api/advisories (a new draft) or PUT /api/advisories/:id (a published one sends a CAP Update). */
export function useSaveAdvisory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AdvisoryBody }) =>
      id
        ? api<Advisory>('PUT', `/api/advisories/${encodeURIComponent(id)}`, body)
        : api<Advisory>('POST', '/api/advisories', body),
    onSuccess: (advisory) => {
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: advisoryKeys.detail(advisory.id), exact: true });
    },
  });
}
