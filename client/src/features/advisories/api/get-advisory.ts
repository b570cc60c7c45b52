import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AdvisoryDetail } from '@shared/advisories/contract.js';
import { api } from '@client/lib/api-client.js';
import { advisoryKeys } from './keys.js';

/** GET /api/advisories/:id with its history. */
export const advisoryQuery = (id: string) =>
  queryOptions({
    queryKey: advisoryKeys.detail(id),
    queryFn: () => api<AdvisoryDetail>('GET', `/api/advisories/${encodeURIComponent(id)}`),
  });

export const useAdvisory = (id: string | null) => useQuery({ ...advisoryQuery(id ?? ''), enabled: id !== null });
