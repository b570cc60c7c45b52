import type { LiveBridge } from '@client/lib/live.js';
import { dueWorkKeys } from './api/keys.js';

const refetch: LiveBridge['due-work.set-aside'] = (_, queryClient) =>
  void queryClient.invalidateQueries({ queryKey: dueWorkKeys.setAside() });

/** Work set aside, or put back by another administrator: the list is read again. */
export const dueWorkLiveBridge: LiveBridge = { 'due-work.set-aside': refetch, 'due-work.retried': refetch };
