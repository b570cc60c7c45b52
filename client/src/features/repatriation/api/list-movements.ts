import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Movement } from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { repatriationKeys, type MovementsFilter } from './keys.js';

/** GET /api/repatriation/movements?port=&from=&to=: movements whose time lies in [from, to), earliest first. */
export const movementsQuery = (filter: MovementsFilter) =>
  queryOptions({
    queryKey: repatriationKeys.movements(filter),
    queryFn: () => call(repatriationEndpoints.movements, { query: filter }),
    placeholderData: keepPreviousData,
  });

export const useMovements = (filter: MovementsFilter | null) =>
  useQuery({ ...movementsQuery(filter ?? { from: '', to: '' }), enabled: filter !== null });

const belongs = (movement: Movement, filter: MovementsFilter) =>
  (!filter.port || movement.portId === filter.port) &&
  Date.parse(movement.at) >= Date.parse(filter.from) &&
  Date.parse(movement.at) < Date.parse(filter.to);

/**
 * A planned or changed movement (live event or the user's own step) goes where each cached
 * list shows it, and leaves the lists it no longer belongs to (rescheduled elsewhere). A
 * list still loading may have been read before the change: it loads again instead.
 */
export function placeMovement(queryClient: QueryClient, movement: Movement): void {
  for (const { queryKey } of queryClient.getQueryCache().findAll({ queryKey: repatriationKeys.movementLists() })) {
    const [, , filter] = queryKey as ReturnType<typeof repatriationKeys.movements>;
    if (queryClient.getQueryState(queryKey)?.fetchStatus === 'fetching') {
      void queryClient.invalidateQueries({ queryKey, exact: true });
      continue;
    }
    queryClient.setQueryData<Movement[]>(queryKey, (list) => {
      if (!list) return list;
      const others = list.filter((m) => m.id !== movement.id);
      if (!belongs(movement, filter)) return others;
      return [...others, movement].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    });
  }
}
