import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Advisory } from '@shared/advisories/contract.js';
import { api, query } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** GET /api/advisories(?active=true): active first. */
export const advisoriesQuery = (active: boolean) =>
  queryOptions({
    queryKey: advisoryKeys.list(active),
    queryFn: async () =>
      (await api<{ items: Advisory[] }>('GET', `/api/advisories${query({ active: active ? 'true' : undefined })}`))
        .items,
  });

export const useAdvisories = (active: boolean) => useQuery(advisoriesQuery(active));
