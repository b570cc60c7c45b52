import type { QueryClient } from '@tanstack/react-query';
import type { Advisory } from '@shared/advisories/contract.js';
import type { LiveBridge } from '@client/lib/live.js';
import { advisoryKeys } from './api/keys.js';

/** Puts the advisory the event carries into both cached lists (the active one drops it once it isn't), and reloads its page. */
function place(advisory: Advisory, queryClient: QueryClient) {
  for (const active of [true, false]) {
    queryClient.setQueryData<Advisory[]>(advisoryKeys.list(active), (items) => {
      if (!items) return items;
      const others = items.filter((a) => a.id !== advisory.id);
      return active && advisory.status !== 'published' ? others : [advisory, ...others];
    });
  }
  void queryClient.invalidateQueries({ queryKey: advisoryKeys.detail(advisory.id), exact: true });
}

export const advisoriesLiveBridge: LiveBridge = {
  'advisory.published': ({ advisory }, queryClient) => place(advisory, queryClient),
  'advisory.updated': ({ advisory }, queryClient) => place(advisory, queryClient),
  'advisory.cancelled': ({ advisory }, queryClient) => place(advisory, queryClient),
  'advisory.expired': ({ advisory }, queryClient) => place(advisory, queryClient),
};
