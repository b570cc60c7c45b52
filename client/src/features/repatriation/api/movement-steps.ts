import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CancelBody,
  ConfirmReceptionBody,
  MovementDetail,
  NoticeBody,
  RescheduleBody,
} from '@shared/repatriation/contract.js';
import { repatriationEndpoints as endpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';
import { placeMovement } from './list-movements.js';

export type MovementStep =
  | { action: 'notice'; body: NoticeBody }
  | { action: 'confirm-reception'; body: ConfirmReceptionBody }
  | { action: 'reschedule'; body: RescheduleBody }
  | { action: 'cancel'; body: CancelBody };

function send(id: string, step: MovementStep): Promise<MovementDetail> {
  switch (step.action) {
    case 'notice':
      return call(endpoints.recordNotice, { params: { id }, body: step.body });
    case 'confirm-reception':
      return call(endpoints.confirmReception, { params: { id }, body: step.body });
    case 'reschedule':
      return call(endpoints.reschedule, { params: { id }, body: step.body });
    case 'cancel':
      return call(endpoints.cancel, { params: { id }, body: step.body });
  }
}

/**
 * POST /api/repatriation/movements/:id/{notice,confirm-reception,reschedule,cancel}: each
 * answers the movement with its timeline, which goes into the cache as it is.
 */
export function useMovementStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: MovementStep) => send(id, step),
    onSuccess: (detail) => {
      queryClient.setQueryData(repatriationKeys.movement(id), detail);
      const { timeline: _, ...movement } = detail;
      placeMovement(queryClient, movement);
    },
  });
}
