import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AreaCollection } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/areas for the area picker; the same key as the reference overlay, so the map's copy is reused. */
const areasQuery = queryOptions({
  queryKey: ['reference', 'areas'],
  queryFn: () => api<AreaCollection>('GET', '/api/areas'),
});

export const useHighRiskAreas = () => useQuery(areasQuery);
