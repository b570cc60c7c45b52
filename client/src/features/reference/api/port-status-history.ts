import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceEndpoints } from '@shared/reference/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** GET /api/ports/:id/status-history: the port's openings, restrictions and closures, newest first. */
export const portStatusHistoryQuery = (portId: string) =>
  queryOptions({
    queryKey: ['reference', 'ports', portId, 'status-history'],
    queryFn: () => call(referenceEndpoints.portStatusHistory, { params: { id: portId } }),
  });

export const usePortStatusHistory = (portId: string) => useQuery(portStatusHistoryQuery(portId));
