import type { QueryClient } from '@tanstack/react-query';
import type { AreaCollection, AreaFeature } from '@shared/reference/contract.js';
import type { LiveBridge } from '@client/lib/live.js';
import { areasQuery } from '@client/features/reference/index.js';

/** Puts an area on the map's cache (replacing it if there), in id order as the server lists them. */
export function placeArea(queryClient: QueryClient, area: AreaFeature) {
  queryClient.setQueryData<AreaCollection>(areasQuery.queryKey, (collection) =>
    collection
      ? {
          ...collection,
          features: [...collection.features.filter((a) => a.id !== area.id), area].sort((a, b) =>
            a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
          ),
        }
      : collection,
  );
}

export function removeArea(queryClient: QueryClient, areaId: string) {
  queryClient.setQueryData<AreaCollection>(areasQuery.queryKey, (collection) =>
    collection ? { ...collection, features: collection.features.filter((a) => a.id !== areaId) } : collection,
  );
}

/** Areas drawn, edited, imported or deleted anywhere appear on every map without a reload or a refetch. */
export const areasLiveBridge: LiveBridge = {
  'area.created': ({ area }, queryClient) => placeArea(queryClient, area),
  'area.updated': ({ area }, queryClient) => placeArea(queryClient, area),
  'area.deleted': ({ areaId }, queryClient) => removeArea(queryClient, areaId),
};
