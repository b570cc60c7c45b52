import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BilingualText } from '@shared/errors.js';
import { api } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** What the statistics panel needs of a high-risk area: its name and its shape. */
export type AreaShapes = FeatureCollection<Polygon | MultiPolygon, { id: string; name: BilingualText }>;

/** GET /api/areas (the reference feature's endpoint): read here through the API, not its files. */
export const areaShapesQuery = queryOptions({
  queryKey: incidentKeys.areaShapes(),
  queryFn: () => api<AreaShapes>('GET', '/api/areas'),
  staleTime: 5 * 60_000,
});

export const useAreaShapes = () => useQuery(areaShapesQuery);
