import { queryOptions, useQuery } from '@tanstack/react-query';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { incidentKeys } from './keys.js';

/**
 * GET /api/incidents/awaiting-acknowledgement: the running alerts the user's government has
 * still to acknowledge, in the user's scope, earliest deadline first. The top bar's counter
 * and the feed's countdowns read it.
 */
export const awaitingQuery = queryOptions({
  queryKey: incidentKeys.awaiting(),
  queryFn: () => call(incidentEndpoints.awaiting, {}),
});

export const useAwaitingAcknowledgement = (enabled = true) => useQuery({ ...awaitingQuery, enabled });
