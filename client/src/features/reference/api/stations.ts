import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Station } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/stations: Grupo Beta units and Border Patrol sector headquarters. */
export const stationsQuery = queryOptions({
  queryKey: ['reference', 'stations'],
  queryFn: () => api<Station[]>('GET', '/api/stations'),
});

export const useStations = () => useQuery(stationsQuery);
