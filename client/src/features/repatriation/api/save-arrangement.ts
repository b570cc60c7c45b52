import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Arrangement, ArrangementBody } from '@shared/repatriation/contract.js';
import { api } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';
import { placeArrangement } from './list-arrangements.js';

/**
 * POST /api/repatriation/arrangements (no `id`) or PUT …/:id with the version the editor
 * started from. The windows of its ports change with it: cached windows load again.
 */
export function useSaveArrangement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, version }: { id: string | null; body: ArrangementBody; version: number | null }) =>
      id
        ? api<Arrangement>('PUT', `/api/repatriation/arrangements/${encodeURIComponent(id)}`, { ...body, version })
        : api<Arrangement>('POST', '/api/repatriation/arrangements', body),
    onSuccess: (saved) => {
      placeArrangement(queryClient, saved.id, saved);
      void queryClient.invalidateQueries({ queryKey: repatriationKeys.allWindows() });
    },
  });
}

/** DELETE /api/repatriation/arrangements/:id (refused with 409 while movements are planned under it). */
export function useDeleteArrangement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/repatriation/arrangements/${encodeURIComponent(id)}`),
    onSuccess: (_, id) => {
      placeArrangement(queryClient, id, null);
      void queryClient.invalidateQueries({ queryKey: repatriationKeys.allWindows() });
    },
  });
}
