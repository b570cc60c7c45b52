import { queryOptions, useQuery } from '@tanstack/react-query';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { liaisonKeys } from './keys.js';

/** GET /api/mechanisms: every mechanism with its area and the flags its list shows. */
export const mechanismsQuery = queryOptions({
  queryKey: liaisonKeys.list(),
  queryFn: () => call(endpoints.list, {}),
});
export const useMechanisms = () => useQuery(mechanismsQuery);

/** GET /api/mechanisms/:id: members with contacts, rotation, overrides, intended gaps. */
export const mechanismQuery = (id: string) =>
  queryOptions({
    queryKey: liaisonKeys.detail(id),
    queryFn: () => call(endpoints.detail, { params: { id } }),
  });
export const useMechanism = (id: string) => useQuery(mechanismQuery(id));
