import { queryOptions, useQuery } from '@tanstack/react-query';
import { liaisonEndpoints as endpoints } from '@shared/liaison/endpoints.js';
import type { LatLon } from '@shared/reference/contract.js';
import { call } from '@client/lib/api-client.js';
import { liaisonKeys } from './keys.js';

/** "Now" moves: shifts hand over, so an open answer is asked again every minute. */
const ONE_MINUTE = 60_000;

/** GET /api/mechanisms/:id/on-duty: who is on duty now (the server's clock), each side in escalation order. */
export const onDutyQuery = (id: string) =>
  queryOptions({
    queryKey: liaisonKeys.onDuty(id),
    queryFn: () => call(endpoints.onDuty, { params: { id } }),
    refetchInterval: ONE_MINUTE,
  });
export const useOnDuty = (id: string) => useQuery(onDutyQuery(id));

/** GET /api/contacts/on-duty: the mechanism responsible for a place and who to call there now. */
export const placeOnDutyQuery = (point: LatLon) =>
  queryOptions({
    queryKey: liaisonKeys.place(point),
    queryFn: () => call(endpoints.placeOnDuty, { query: { lat: point.lat, lon: point.lon } }),
    refetchInterval: ONE_MINUTE,
  });
export const usePlaceOnDuty = (point: LatLon) => useQuery(placeOnDutyQuery(point));
