import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AreaStats, TimeRange } from '@shared/incidents/map-filter.js';
import { api, query } from '@client/lib/api-client.js';
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
      api<AreaStats>(
        'GET',
        `/api/areas/${encodeURIComponent(areaId)}/stats${query({
          range: window.range,
          from: window.from ?? undefined,
          to: window.to ?? undefined,
          type: window.type,
        })}`,
      ),
  });

export const useAreaStats = (areaId: string, window: StatsWindow) => useQuery(areaStatsQuery(areaId, window));
