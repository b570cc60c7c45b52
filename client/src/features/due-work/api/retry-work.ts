import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dueWorkEndpoints } from '@shared/due-work/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { dueWorkKeys } from './keys.js';

/** POST /api/due-work/:id/retry: back in the queue. The list is read again either way (someone may have retried it first). */
export function useRetryWork() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(dueWorkEndpoints.retry, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: dueWorkKeys.setAside() }),
  });
}
