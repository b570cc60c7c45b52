import { z } from 'zod';

/*
 * The words an incident is told in: its types, severities and statuses, the people counts,
 * the investigation's statuses and the alert tiers. The database enums are built from these
 * arrays; the contract (./contract.ts) and the timeline kinds (./timeline.ts) both speak them.
 */

export const incidentTypes = [
  'migrant_distress',
  'death',
  'drowning',
  'heat_exposure',
  'violence_against_migrants',
  'assault_on_officers',
  'civilian_detention',
  'incursion',
  'bomb_threat',
  'trans_border_pursuit',
  'weather_emergency',
  'smuggling',
  'other',
] as const;
export const incidentType = z.enum(incidentTypes);
export type IncidentType = z.infer<typeof incidentType>;

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export const severity = z.enum(severities);
export type Severity = z.infer<typeof severity>;

export const incidentStatuses = ['reported', 'acknowledged', 'responding', 'resolved', 'closed'] as const;
export const incidentStatus = z.enum(incidentStatuses);
export type IncidentStatus = z.infer<typeof incidentStatus>;

export const people = z.object({
  rescued: z.number().int().min(0).max(10_000),
  injured: z.number().int().min(0).max(10_000),
  deceased: z.number().int().min(0).max(10_000),
});
export type People = z.infer<typeof people>;

export const investigationStatuses = ['open', 'under_review', 'referred_to_prosecutor', 'closed'] as const;
export const investigationStatus = z.enum(investigationStatuses);

/** Plan of Action V: a local alert (consul – Border Patrol) escalates to the central desks (Washington – Mexico City). */
export const alertTiers = ['local', 'central'] as const;
export const alertTier = z.enum(alertTiers);
