import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CancelBody,
  ConfirmReceptionBody,
  MovementDetail,
  NoticeBody,
  RescheduleBody,
} from '@shared/repatriation/contract.js';
import { api } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';
import { placeMovement } from './list-movements.js';

export type MovementStep =
  | { action: 'notice'; body: NoticeBody }
  | { action: 'confirm-reception'; body: ConfirmReceptionBody }
  | { action: 'reschedule'; body: RescheduleBody }
  | { action: 'cancel'; body: CancelBody };

/**
 * POST /api/repatriation/movements/:id/{notice,confirm-reception,reschedule,cancel}: each
 * answers the movement with its timeline, which goes into the cache as it is.
 */
export function useMovementStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: MovementStep) =>
      api<MovementDetail>('POST', `/api/repatriation/movements/${encodeURIComponent(id)}/${action}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(repatriationKeys.movement(id), detail);
      const { timeline: _, ...movement } = detail;
      placeMovement(queryClient, movement);
    },
  });
}
