import type { FeedFilters } from './list-incidents.js';

/** Query keys of the incidents feature: the live bridge and the api modules agree on them here. */
export const incidentKeys = {
  /** Every cached feed, whatever its filters. */
  feeds: () => ['incidents', 'feed'] as const,
  feed: (filters: FeedFilters) => ['incidents', 'feed', filters] as const,
  onMap: () => ['incidents', 'map'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  escalations: () => ['incidents', 'escalations'] as const,
  investigations: () => ['incidents', 'investigations'] as const,
  awaiting: () => ['incidents', 'awaiting-acknowledgement'] as const,
};
