import { QueryClient } from '@tanstack/react-query';

/**
 * The console's server-state cache. Live events keep cached data current (each feature's
 * live bridge), so nothing refetches on window focus, and a query is fresh for a while
 * after it loaded: going back to a page shows it at once. Errors show at once with a
 * "Try again" button rather than after silent retries.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
}
