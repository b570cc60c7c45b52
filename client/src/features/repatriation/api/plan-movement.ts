import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MovementBodyInput } from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { placeMovement } from './list-movements.js';

/** POST /api/repatriation/movements: 201, or 422 with the engine's violations (nothing written). */
export function usePlanMovement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementBodyInput) => call(repatriationEndpoints.plan, { body }),
    onSuccess: (movement) => placeMovement(queryClient, movement),
  });
}
