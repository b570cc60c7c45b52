import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AreaBody } from '@shared/areas/contract.js';
import { areaEndpoints } from '@shared/areas/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { placeArea } from '../live-bridge.js';

/** POST /api/areas (a new area) or PUT /api/areas/:id; the answer goes straight onto the map's cache. */
export function useSaveArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AreaBody }) =>
      id ? call(areaEndpoints.update, { params: { id }, body }) : call(areaEndpoints.create, { body }),
    onSuccess: (area) => placeArea(queryClient, area),
  });
}
