import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SarOperation } from '@shared/sar/contract.js';
import { api, ApiError } from '@client/lib/api-client.js';
import { sarKeys } from './keys.js';

/** GET /api/incidents/:id/sar; an incident without an operation (404 `sar_none`) reads as null. */
export async function fetchOperation(incidentId: string): Promise<SarOperation | null> {
  try {
    return await api<SarOperation>('GET', `/api/incidents/${encodeURIComponent(incidentId)}/sar`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.body?.code === 'sar_none') return null;
    throw error;
  }
}

export const operationQuery = (incidentId: string) =>
  queryOptions({ queryKey: sarKeys.operation(incidentId), queryFn: () => fetchOperation(incidentId) });

export const useOperation = (incidentId: string) => useQuery(operationQuery(incidentId));
