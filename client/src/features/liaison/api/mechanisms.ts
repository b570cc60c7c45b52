import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MechanismDetail, MechanismSummary } from '@shared/liaison/contract.js';
import { api } from '@client/lib/api-client.js';
import { liaisonKeys } from './keys.js';

/** GET /api/mechanisms: every mechanism with its area and the flags its list shows. */
export const mechanismsQuery = queryOptions({
  queryKey: liaisonKeys.list(),
  queryFn: () => api<MechanismSummary[]>('GET', '/api/mechanisms'),
});
export const useMechanisms = () => useQuery(mechanismsQuery);

/** GET /api/mechanisms/:id: members with contacts, rotation, overrides, intended gaps. */
export const mechanismQuery = (id: string) =>
  queryOptions({
    queryKey: liaisonKeys.detail(id),
    queryFn: () => api<MechanismDetail>('GET', `/api/mechanisms/${encodeURIComponent(id)}`),
  });
export const useMechanism = (id: string) => useQuery(mechanismQuery(id));
