import { queryOptions, useQuery } from '@tanstack/react-query';
import { advisoryEndpoints } from '@shared/advisories/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** GET /api/advisories(?active=true): active first. */
export const advisoriesQuery = (active: boolean) =>
  queryOptions({
    queryKey: advisoryKeys.list(active),
    queryFn: async () => (await call(advisoryEndpoints.list, { query: { active: active ? 'true' : undefined } })).items,
  });

export const useAdvisories = (active: boolean) => useQuery(advisoriesQuery(active));
