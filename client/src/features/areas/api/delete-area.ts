import { useMutation, useQueryClient } from '@tanstack/react-query';
import { areaEndpoints } from '@shared/areas/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { removeArea } from '../live-bridge.js';

/** DELETE /api/areas/:id: off the map at once. */
export function useDeleteArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(areaEndpoints.remove, { params: { id } }),
    onSuccess: (_nothing, id) => removeArea(queryClient, id),
  });
}
