import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Checklist, IncidentChecklists } from '@shared/checklists/contract.js';
import { checklistEndpoints } from '@shared/checklists/endpoints.js';
import { call } from '@client/lib/api-client.js';
import { checklistKeys } from './keys.js';

/** GET /api/incidents/:id/checklists: the incident's checklists, the kinds its type suggests, and why it is read-only. */
export const incidentChecklistsQuery = (incidentId: string) =>
  queryOptions({
    queryKey: checklistKeys.ofIncident(incidentId),
    queryFn: () => call(checklistEndpoints.list, { params: { id: incidentId } }),
  });

export const useIncidentChecklists = (incidentId: string) => useQuery(incidentChecklistsQuery(incidentId));

/** Puts a checklist as the server answered it into its incident's cached list (added if new). */
export function placeChecklist(queryClient: QueryClient, checklist: Checklist) {
  queryClient.setQueryData<IncidentChecklists>(checklistKeys.ofIncident(checklist.incidentId), (cached) => {
    if (!cached) return cached;
    const known = cached.checklists.some((c) => c.id === checklist.id);
    return {
      ...cached,
      checklists: known
        ? cached.checklists.map((c) => (c.id === checklist.id ? checklist : c))
        : [...cached.checklists, checklist],
    };
  });
}
