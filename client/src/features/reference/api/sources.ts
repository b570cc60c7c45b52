import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Source } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/sources: the works the reference data cites, by id. */
export const sourcesQuery = queryOptions({
  queryKey: ['reference', 'sources'],
  queryFn: () => api<Source[]>('GET', '/api/sources'),
  staleTime: Infinity,
});

export const useSources = () => useQuery(sourcesQuery);
