import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IncidentWithAlerts } from '@shared/incidents/contract.js';
import { api } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/escalations: incidents whose alert escalated to the central desks. */
export const escalationsQuery = queryOptions({
  queryKey: incidentKeys.escalations(),
  queryFn: async () => (await api<{ items: IncidentWithAlerts[] }>('GET', '/api/escalations')).items,
});

export const useEscalations = () => useQuery(escalationsQuery);
