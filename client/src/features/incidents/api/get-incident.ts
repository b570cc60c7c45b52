import { queryOptions, useQuery } from '@tanstack/react-query';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/incidents/:id: one incident with its timeline, alerts, acknowledgements and investigation. */
export const incidentQuery = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: () => call(incidentEndpoints.get, { params: { id } }),
  });

export const useIncident = (id: string) => useQuery(incidentQuery(id));
