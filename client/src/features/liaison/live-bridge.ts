import type { LiveBridge } from '@client/lib/live.js';
import { liaisonKeys } from './api/keys.js';
import { refreshRoster } from './api/refresh.js';

/**
 * Live events → the liaison cache. The events name what changed but carry no roster, so
 * the caches of that one mechanism (and the list's flags) load again where they are shown.
 */
export const liaisonLiveBridge: LiveBridge = {
  'roster.updated': ({ mechanismId }, queryClient) => refreshRoster(queryClient, mechanismId),
  'roster.gap_ahead': ({ mechanismId }, queryClient) => refreshRoster(queryClient, mechanismId),
  'meeting.scheduled': ({ mechanismId }, queryClient) =>
    void queryClient.invalidateQueries({ queryKey: liaisonKeys.meetings(mechanismId) }),
};
