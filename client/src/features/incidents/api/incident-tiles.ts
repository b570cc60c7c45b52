import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Incident } from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import type { MapFilterQuery } from '@shared/incidents/map-filter.js';
import { queryString } from '@shared/http/endpoint.js';
import { incidentKeys } from './keys.js';

/**
 * The operations map's vector tiles for one filter (issue 26), and what changed since they
 * were loaded: live events put an incident in `live` (drawn over the tiles on a small source
 * of its own), so no tile is fetched again for it. Loading the set again (a missed event:
 * the live connection reloads every query) gives MapLibre a new URL, and it fetches the
 * tiles in view once more.
 */
export interface TileSet {
  /** MapLibre's URL template (`{z}/{x}/{y}`), absolute: MapLibre fetches tiles from a worker. */
  url: string;
  /** Incidents reported or changed since the tiles were loaded, by id. */
  live: ReadonlyMap<string, Incident>;
}

const template = incidentEndpoints.tile.path.replace(':z', '{z}').replace(':x', '{x}').replace(':y', '{y}');

const newTileSet = (filter: MapFilterQuery): TileSet => ({
  url: `${window.location.origin}${template}${queryString({ ...filter, v: Date.now() })}`,
  live: new Map(),
});

export const tileSetQuery = (filter: MapFilterQuery) =>
  queryOptions({
    queryKey: incidentKeys.tiles(filter),
    // `v` only names this load: the server reads the filter and builds or reuses the tiles.
    queryFn: () => newTileSet(filter),
    // Nothing to wait for: the map's source is added with its URL, in drawing order.
    initialData: () => newTileSet(filter),
    staleTime: Infinity,
  });

export const useTileSet = (filter: MapFilterQuery) => useQuery(tileSetQuery(filter));

/** A reported or changed incident (live event) goes over every cached tile set; nothing is fetched. */
export function placeOnTiles(queryClient: QueryClient, incident: Incident): void {
  for (const cached of queryClient.getQueryCache().findAll({ queryKey: incidentKeys.tileSets() }))
    queryClient.setQueryData<TileSet>(
      cached.queryKey,
      (set) => set && { ...set, live: new Map(set.live).set(incident.id, incident) },
    );
}
