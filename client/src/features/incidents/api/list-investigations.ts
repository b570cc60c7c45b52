import { queryOptions, useQuery } from '@tanstack/react-query';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/investigations: incidents needing an investigation, missing or stale ones first. */
export const investigationsQuery = queryOptions({
  queryKey: incidentKeys.investigations(),
  queryFn: async () => (await call(incidentEndpoints.investigations, {})).items,
});

export const useInvestigations = () => useQuery(investigationsQuery);
