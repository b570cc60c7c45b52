import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Mechanism } from '@shared/reference/contract.js';
import { api } from '@client/lib/api-client.js';

/** GET /api/mechanisms: Border Liaison and Interior Consultation Mechanisms with their reach. */
export const mechanismsQuery = queryOptions({
  queryKey: ['reference', 'mechanisms'],
  queryFn: () => api<Mechanism[]>('GET', '/api/mechanisms'),
});

export const useMechanisms = () => useQuery(mechanismsQuery);
