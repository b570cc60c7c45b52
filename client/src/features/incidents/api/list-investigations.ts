import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InvestigationFollowUp } from '@shared/incidents/contract.js';
import { api } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/** GET /api/investigations: incidents needing an investigation, missing or stale ones first. */
export const investigationsQuery = queryOptions({
  queryKey: incidentKeys.investigations(),
  queryFn: async () => (await api<{ items: InvestigationFollowUp[] }>('GET', '/api/investigations')).items,
});

export const useInvestigations = () => useQuery(investigationsQuery);
