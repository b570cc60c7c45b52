import { z } from 'zod';
import type { Audience } from '@shared/audience.js';
import type { Incident } from '@shared/incidents/contract.js';
import { incidentAudience } from '@shared/incidents/events.js';
import { sarChanges, sarOperation } from './contract.js';

/** What the search-and-rescue feature announces on the event hub. Kinds and fields: add, never rename. */
export const sarEventPayloads = {
  'sar.updated': z.object({
    incidentId: z.string(),
    operationId: z.string(),
    change: z.enum(sarChanges),
    operation: sarOperation,
  }),
} as const;

/**
 * Who hears of a search-and-rescue operation: whoever hears of its incident (its mechanism's
 * officers on both sides, the overseers, the reporter) and the central desks (Plan of Action
 * V: central and local authorities coordinate).
 */
export function sarAudience(incident: Pick<Incident, 'mechanismId' | 'reportedBy'>): Audience {
  return [...incidentAudience(incident), { roles: ['central'] }];
}
