import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { repatriationEndpoints } from '@shared/repatriation/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { repatriationKeys, type Range } from './keys.js';

/**
 * GET /api/repatriation/windows?port=&from=&to=: a port's window occurrences. The server writes
 * the instants (its time-zone data is the authority; a browser's may be older).
 */
export const windowsQuery = (filter: Range & { port: string }) =>
  queryOptions({
    queryKey: repatriationKeys.windows(filter),
    queryFn: () => call(repatriationEndpoints.windows, { query: filter }),
    placeholderData: keepPreviousData,
  });

export const useWindows = (filter: (Range & { port: string }) | null) =>
  useQuery({ ...windowsQuery(filter ?? { port: '', from: '', to: '' }), enabled: filter !== null });
