import { queryOptions, useQuery } from '@tanstack/react-query';
import { areaEndpoints } from '@shared/areas/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/areas (the areas feature's endpoint): what the statistics panel needs of a high-risk area, its name and shape. */
export const areaShapesQuery = queryOptions({
  queryKey: incidentKeys.areaShapes(),
  queryFn: () => call(areaEndpoints.list, {}),
  staleTime: 5 * 60_000,
});

export const useAreaShapes = () => useQuery(areaShapesQuery);
