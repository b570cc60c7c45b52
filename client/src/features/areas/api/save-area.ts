import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AreaBody } from '@shared/areas/contract.js';
import type { AreaFeature } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';
import { placeArea } from '../live-bridge.js';

/** POST /api/areas (a new area) or PUT /api/areas/:id; the answer goes straight onto the map's cache. */
export function useSaveArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AreaBody }) =>
      id
        ? api<AreaFeature>('PUT', `/api/areas/${encodeURIComponent(id)}`, body)
        : api<AreaFeature>('POST', '/api/areas', body),
    onSuccess: (area) => placeArea(queryClient, area),
  });
}
