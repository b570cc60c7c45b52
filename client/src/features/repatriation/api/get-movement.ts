import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MovementDetail } from '@shared/repatriation/contract.js';
import { api } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';

/** GET /api/repatriation/movements/:id: one movement with its timeline. */
export const movementQuery = (id: string) =>
  queryOptions({
    queryKey: repatriationKeys.movement(id),
    queryFn: () => api<MovementDetail>('GET', `/api/repatriation/movements/${encodeURIComponent(id)}`),
  });

export const useMovement = (id: string, enabled = true) => useQuery({ ...movementQuery(id), enabled });
