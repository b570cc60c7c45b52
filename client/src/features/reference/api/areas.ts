import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AreaCollection } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/areas: high-risk areas (Plan of Action I) as a GeoJSON FeatureCollection. */
export const areasQuery = queryOptions({
  queryKey: ['reference', 'areas'],
  queryFn: () => api<AreaCollection>('GET', '/api/areas'),
});

export const useAreas = () => useQuery(areasQuery);
