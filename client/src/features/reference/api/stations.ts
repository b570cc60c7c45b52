import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceEndpoints } from '@shared/reference/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** GET /api/stations: Grupo Beta units and Border Patrol sector headquarters. */
export const stationsQuery = queryOptions({
  queryKey: ['reference', 'stations'],
  queryFn: () => call(referenceEndpoints.stations, {}),
});

export const useStations = () => useQuery(stationsQuery);
