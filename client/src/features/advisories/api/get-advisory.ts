import { queryOptions, useQuery } from '@tanstack/react-query';
import { advisoryEndpoints } from '@shared/advisories/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** GET /api/advisories/:id with its history. */
export const advisoryQuery = (id: string) =>
  queryOptions({
    queryKey: advisoryKeys.detail(id),
    queryFn: () => call(advisoryEndpoints.detail, { params: { id } }),
  });

export const useAdvisory = (id: string | null) => useQuery({ ...advisoryQuery(id ?? ''), enabled: id !== null });
