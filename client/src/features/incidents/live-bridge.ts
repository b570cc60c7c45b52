import type { QueryClient } from '@tanstack/react-query';
import type { IncidentDetail } from '@shared/incidents/contract.js';
import type { LiveBridge } from '@client/lib/live.js';
import { incidentKeys } from './api/keys.js';
import { placeIncident, reloadAwaitingFeeds } from './api/list-incidents.js';

/**
 * An open incident page loads again when its incident changes, unless it already shows
 * that version (the user's own change, answered by the PATCH itself). Nothing else refetches.
 */
function refreshDetail(queryClient: QueryClient, id: string, version?: number): void {
  const shown = queryClient.getQueryData<IncidentDetail>(incidentKeys.detail(id));
  if (shown && version !== undefined && shown.version >= version) return;
  void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id), exact: true });
}

/** Who must acknowledge what changes with every report, acknowledgement, escalation and hand-off. */
function refreshAwaiting(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: incidentKeys.awaiting(), exact: true });
  reloadAwaitingFeeds(queryClient);
}

/**
 * Live events → the incidents cache. Events carrying the incident patch the feeds and the
 * map in place (`setQueryData`); alert events carry no timeline, so they mark the one
 * incident (and the central desks' list) for reloading where it is on screen.
 */
export const incidentsLiveBridge: LiveBridge = {
  'incident.created': ({ incident }, queryClient) => placeIncident(queryClient, incident),
  'incident.updated': ({ incident }, queryClient) => {
    placeIncident(queryClient, incident);
    refreshDetail(queryClient, incident.id, incident.version);
    // A resolved or closed incident's alerts are settled: off the desks' and the awaiting lists.
    void queryClient.invalidateQueries({ queryKey: incidentKeys.escalations() });
    refreshAwaiting(queryClient);
  },
  'alert.raised': ({ incidentId }, queryClient) => {
    refreshDetail(queryClient, incidentId);
    refreshAwaiting(queryClient);
  },
  'alert.acknowledged': ({ incidentId }, queryClient) => {
    refreshDetail(queryClient, incidentId);
    void queryClient.invalidateQueries({ queryKey: incidentKeys.escalations() });
    refreshAwaiting(queryClient);
  },
  // A checklist started or a step ticked adds to the incident's timeline (the checklists feature keeps the checklist).
  'checklist.updated': ({ incidentId }, queryClient) => refreshDetail(queryClient, incidentId),
  'alert.escalated': ({ incidentId }, queryClient) => {
    refreshDetail(queryClient, incidentId);
    void queryClient.invalidateQueries({ queryKey: incidentKeys.escalations() });
    refreshAwaiting(queryClient);
  },
};
