import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PortStatusChange } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/ports/:id/status-history: the port's openings, restrictions and closures, newest first. */
export const portStatusHistoryQuery = (portId: string) =>
  queryOptions({
    queryKey: ['reference', 'ports', portId, 'status-history'],
    queryFn: () => api<PortStatusChange[]>('GET', `/api/ports/${encodeURIComponent(portId)}/status-history`),
  });

export const usePortStatusHistory = (portId: string) => useQuery(portStatusHistoryQuery(portId));
