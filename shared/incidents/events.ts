import { z } from 'zod';
import type { Audience } from '@shared/audience.js';
import { country, overseeingRoles } from '@shared/auth.js';
import { alertTier, incident, type Incident } from '@shared/incidents/contract.js';

/** What the incident feature announces on the event hub, and the payload of each kind. */
export const incidentEventPayloads = {
  'incident.created': z.object({ incidentId: z.string(), incident }),
  'incident.updated': z.object({ incidentId: z.string(), incident }),
  'alert.raised': z.object({ incidentId: z.string(), alertId: z.string(), tier: alertTier, ackDeadline: z.string() }),
  'alert.acknowledged': z.object({
    incidentId: z.string(),
    alertId: z.string(),
    tier: alertTier,
    government: country,
    by: z.string(),
    at: z.string(),
  }),
  'alert.escalated': z.object({
    incidentId: z.string(),
    alertId: z.string(),
    centralAlertId: z.string(),
    pending: z.array(country),
    at: z.string(),
  }),
} as const;

/**
 * Who hears about an incident and its alerts: whoever may read it — the officers of its
 * mechanism and the overseeing roles (the mechanism clause applies the scope rule) — and
 * the user who reported it, so a reporter can follow their report wherever it went. An
 * incident no mechanism was assigned to (none configured) goes to the overseers.
 */
export function incidentAudience(incident: Pick<Incident, 'mechanismId' | 'reportedBy'>): Audience {
  const readers = incident.mechanismId ? { mechanismIds: [incident.mechanismId] } : { roles: [...overseeingRoles] };
  return [readers, { userIds: [incident.reportedBy] }];
}
