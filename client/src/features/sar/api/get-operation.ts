import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SarOperation } from '@shared/sar/contract.js';
import { api } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/** GET /api/incidents/:id/sar: the operation, or null when the incident has none. */
export const fetchOperation = (incidentId: string) =>
  api<SarOperation | null>('GET', `/api/incidents/${encodeURIComponent(incidentId)}/sar`);

export const operationQuery = (incidentId: string) =>
  queryOptions({ queryKey: sarKeys.operation(incidentId), queryFn: () => fetchOperation(incidentId) });

export const useOperation = (incidentId: string) => useQuery(operationQuery(incidentId));
