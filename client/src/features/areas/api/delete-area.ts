import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@client/lib/api-client.js';
import { removeArea } from '../live-bridge.js';

/** DELETE /api/areas/:id: off the map at once. */
export function useDeleteArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/areas/${encodeURIComponent(id)}`),
    onSuccess: (_nothing, id) => removeArea(queryClient, id),
  });
}
