import type { QueryClient } from '@tanstack/react-query';
import { liaisonKeys } from './keys.js';

/**
 * A mechanism's roster changed (here or, through the live bridge, elsewhere): its page,
 * who is on duty, the list's flags and any "who to call" answer may differ now.
 */
export function refreshRoster(queryClient: QueryClient, mechanismId: string): void {
  for (const queryKey of [
    liaisonKeys.detail(mechanismId),
    liaisonKeys.onDuty(mechanismId),
    liaisonKeys.list(),
    liaisonKeys.places(),
  ])
    void queryClient.invalidateQueries({ queryKey });
}
