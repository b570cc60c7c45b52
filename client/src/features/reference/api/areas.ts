import { queryOptions, useQuery } from '@tanstack/react-query';
import { areaEndpoints } from '@shared/areas/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** GET /api/areas: high-risk areas (Plan of Action I) as a GeoJSON FeatureCollection. */
export const areasQuery = queryOptions({
  queryKey: ['reference', 'areas'],
  queryFn: () => call(areaEndpoints.list, {}),
});

export const useAreas = () => useQuery(areasQuery);
