import { queryOptions, useQuery } from '@tanstack/react-query';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/escalations: incidents whose alert escalated to the central desks. */
export const escalationsQuery = queryOptions({
  queryKey: incidentKeys.escalations(),
  queryFn: async () => (await call(incidentEndpoints.escalations, {})).items,
});

export const useEscalations = () => useQuery(escalationsQuery);
