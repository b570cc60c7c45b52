import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArrangementBody } from '@shared/repatriation/contract.js';
import { repatriationEndpoints as endpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';
import { placeArrangement } from './list-arrangements.js';

/** The arrangement an edit replaces, and the version the editor started from. */
export interface EditedArrangement {
  id: string;
  version: number;
}

/**
 * POST /api/repatriation/arrangements (a new one) or PUT …/:id with the version the editor
 * started from. The windows of its ports change with it: cached windows load again.
 */
export function useSaveArrangement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ edited, body }: { edited: EditedArrangement | null; body: ArrangementBody }) =>
      edited
        ? call(endpoints.updateArrangement, { params: { id: edited.id }, body: { ...body, version: edited.version } })
        : call(endpoints.createArrangement, { body }),
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
    mutationFn: (id: string) => call(endpoints.deleteArrangement, { params: { id } }),
    onSuccess: (_, id) => {
      placeArrangement(queryClient, id, null);
      void queryClient.invalidateQueries({ queryKey: repatriationKeys.allWindows() });
    },
  });
}
