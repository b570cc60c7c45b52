import { queryOptions, useQuery } from '@tanstack/react-query';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import type { TimeRange } from '@shared/incidents/map-filter.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

export interface StatsWindow {
  /** A preset the server resolves on the area's own clocks (a season starts at midnight there). */
  range?: TimeRange;
  from: string | null;
  to: string | null;
  /** Incident types, comma-separated; undefined = every type. */
  type?: string;
}

/** GET /api/areas/:id/stats: a high-risk area's incidents in a window, by type, month and people. */
export const areaStatsQuery = (areaId: string, window: StatsWindow) =>
  queryOptions({
    queryKey: incidentKeys.areaStats(areaId, window),
    queryFn: () =>
      call(incidentEndpoints.areaStats, {
        params: { id: areaId },
        query: { range: window.range, from: window.from ?? undefined, to: window.to ?? undefined, type: window.type },
      }),
  });

export const useAreaStats = (areaId: string, window: StatsWindow) => useQuery(areaStatsQuery(areaId, window));
