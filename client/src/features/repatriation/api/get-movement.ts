import { queryOptions, useQuery } from '@tanstack/react-query';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';

/** GET /api/repatriation/movements/:id: one movement with its timeline. */
export const movementQuery = (id: string) =>
  queryOptions({
    queryKey: repatriationKeys.movement(id),
    queryFn: () => call(repatriationEndpoints.movement, { params: { id } }),
  });

export const useMovement = (id: string, enabled = true) => useQuery({ ...movementQuery(id), enabled });
