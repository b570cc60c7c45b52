import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Port } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/ports: Ports of entry with both sides' names, time zones and status. */
export const portsQuery = queryOptions({
  queryKey: ['reference', 'ports'],
  queryFn: () => api<Port[]>('GET', '/api/ports'),
});

export const usePorts = () => useQuery(portsQuery);
