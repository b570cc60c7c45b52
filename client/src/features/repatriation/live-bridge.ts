import type { QueryClient } from '@tanstack/react-query';
import type { Movement, MovementDetail } from '@shared/repatriation/contract.js';
import type { LiveBridge } from '@client/lib/live.js';
import { repatriationKeys } from './api/keys.js';
import { placeArrangement } from './api/list-arrangements.js';
import { placeMovement } from './api/list-movements.js';

/** The movement goes into every list; an open timeline older than it loads again (events carry no timeline). */
function movementChanged(queryClient: QueryClient, movement: Movement, timelineOnly = false): void {
  placeMovement(queryClient, movement);
  const shown = queryClient.getQueryData<MovementDetail>(repatriationKeys.movement(movement.id));
  if (shown && shown.version >= movement.version && !timelineOnly) return;
  void queryClient.invalidateQueries({ queryKey: repatriationKeys.movement(movement.id), exact: true });
}

/**
 * Live events → the repatriation cache. Movement events carry the movement: the lists (and the
 * browser's engine, which reads them for capacity and family unity) are patched in place.
 * An arrangement event patches the list; its windows are the server's to compute, so the
 * cached windows load again.
 */
export const repatriationLiveBridge: LiveBridge = {
  'repatriation.planned': ({ movement }, queryClient) => movementChanged(queryClient, movement),
  'repatriation.confirmed': ({ movement }, queryClient) => movementChanged(queryClient, movement),
  'repatriation.cancelled': ({ movement }, queryClient) => movementChanged(queryClient, movement),
  'repatriation.rescheduled': ({ movement }, queryClient) => movementChanged(queryClient, movement),
  'repatriation.notice-recorded': ({ movement }, queryClient) => movementChanged(queryClient, movement),
  // The deadline's timeline entry changes no version.
  'repatriation.notice-overdue': ({ movement }, queryClient) => movementChanged(queryClient, movement, true),
  'repatriation.arrangement': ({ arrangementId, arrangement }, queryClient) => {
    placeArrangement(queryClient, arrangementId, arrangement);
    void queryClient.invalidateQueries({ queryKey: repatriationKeys.allWindows() });
  },
};
