import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceEndpoints } from '@shared/reference/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** GET /api/sources: the works the reference data cites, by id. */
export const sourcesQuery = queryOptions({
  queryKey: ['reference', 'sources'],
  queryFn: () => call(referenceEndpoints.sources, {}),
  staleTime: Infinity,
});

export const useSources = () => useQuery(sourcesQuery);
