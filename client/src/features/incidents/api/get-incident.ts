import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import { api } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/incidents/:id: one incident with its timeline, alerts, acknowledgements and investigation. */
export const incidentQuery = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.detail(id),
    queryFn: () => api<IncidentDetail>('GET', `/api/incidents/${encodeURIComponent(id)}`),
  });

export const useIncident = (id: string) => useQuery(incidentQuery(id));
