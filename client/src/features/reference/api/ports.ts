import { queryOptions, useQuery } from '@tanstack/react-query';
import { referenceEndpoints } from '@shared/reference/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** GET /api/ports: Ports of entry with both sides' names, time zones and status. */
export const portsQuery = queryOptions({
  queryKey: ['reference', 'ports'],
  queryFn: () => call(referenceEndpoints.ports, {}),
});

export const usePorts = () => useQuery(portsQuery);
