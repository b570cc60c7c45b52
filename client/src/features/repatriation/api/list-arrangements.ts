import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Arrangement } from '@shared/repatriation/contract.js';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { repatriationKeys } from './keys.js';

/** GET /api/repatriation/arrangements: every local arrangement (a handful). */
export const arrangementsQuery = queryOptions({
  queryKey: repatriationKeys.arrangements(),
  queryFn: () => call(repatriationEndpoints.arrangements, {}),
});

export const useArrangements = () => useQuery(arrangementsQuery);

/** A created, edited (`arrangement`) or deleted (null) arrangement, where the cached list shows it. */
export function placeArrangement(queryClient: QueryClient, id: string, arrangement: Arrangement | null): void {
  queryClient.setQueryData<Arrangement[]>(repatriationKeys.arrangements(), (list) => {
    if (!list) return list;
    const others = list.filter((a) => a.id !== id);
    return arrangement ? [...others, arrangement].sort((a, b) => a.name.localeCompare(b.name)) : others;
  });
}
