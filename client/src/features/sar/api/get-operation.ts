import { queryOptions, useQuery } from '@tanstack/react-query';
import { sarEndpoints } from '@shared/sar/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/** GET /api/incidents/:id/sar: the operation, or null when the incident has none. */
export const fetchOperation = (incidentId: string) => call(sarEndpoints.get, { params: { id: incidentId } });

export const operationQuery = (incidentId: string) =>
  queryOptions({ queryKey: sarKeys.operation(incidentId), queryFn: () => fetchOperation(incidentId) });

export const useOperation = (incidentId: string) => useQuery(operationQuery(incidentId));
