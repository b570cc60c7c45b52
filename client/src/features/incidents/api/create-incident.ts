import { useMutation } from '@tanstack/react-query';
import type { CreateIncidentBody } from '@shared/incidents/contract.js';
import { incidentEndpoints } from '@shared/incidents/endpoints.js';
import { call } from '@client/lib/api-client.js';

/** POST /api/incidents: report an incident; the server alerts both governments. */
export function useCreateIncident() {
  // The feeds learn of it from the `incident.created` event like everyone else's.
  return useMutation({ mutationFn: (body: CreateIncidentBody) => call(incidentEndpoints.create, { body }) });
}
