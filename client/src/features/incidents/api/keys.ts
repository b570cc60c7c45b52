import type { MapFilterQuery } from '@shared/incidents/map-filter.js';
import type { FeedFilters } from './list-incidents.js';

/** Query keys of the incidents feature: the live bridge and the api modules agree on them here. */
export const incidentKeys = {
  /** Every cached feed, whatever its filters. */
  feeds: () => ['incidents', 'feed'] as const,
  feed: (filters: FeedFilters) => ['incidents', 'feed', filters] as const,
  /** Every cached operations map, whatever its filter. */
  maps: () => ['incidents', 'map'] as const,
  map: (filter: MapFilterQuery) => ['incidents', 'map', filter] as const,
  /** Every cached tile set of the operations map, whatever its filter. */
  tileSets: () => ['incidents', 'tiles'] as const,
  tiles: (filter: MapFilterQuery) => ['incidents', 'tiles', filter] as const,
  areaStats: (areaId: string, window: { from: string | null; to: string | null; type?: string }) =>
    ['incidents', 'area-stats', areaId, window] as const,
  areaShapes: () => ['incidents', 'area-shapes'] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  escalations: () => ['incidents', 'escalations'] as const,
  investigations: () => ['incidents', 'investigations'] as const,
  awaiting: () => ['incidents', 'awaiting-acknowledgement'] as const,
};
