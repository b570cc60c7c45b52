import { z } from 'zod';
import type { Audience } from '@shared/audience.js';
import { overseeingRoles } from '@shared/auth.js';
import { advisory, type Advisory } from './contract.js';

/** What the advisories feature announces on the event hub. Kinds and fields: add, never rename. */
export const advisoryEventPayloads = {
  'advisory.published': z.object({ advisoryId: z.string(), advisory }),
  'advisory.updated': z.object({ advisoryId: z.string(), advisory }),
  'advisory.cancelled': z.object({ advisoryId: z.string(), advisory }),
  /** Reached `validTo`: it drops off lists and the map by itself. */
  'advisory.expired': z.object({ advisoryId: z.string(), advisory }),
} as const;

/**
 * Who hears of an advisory (Plan of Action V, "publication of weather advisories"): the
 * officers of every mechanism its areas or polygon touch, and the central desks and
 * overseers, who watch the whole border.
 */
export function advisoryAudience(advisory: Pick<Advisory, 'mechanismIds'>): Audience {
  const overseers = { roles: [...overseeingRoles] };
  return advisory.mechanismIds.length ? [{ mechanismIds: [...advisory.mechanismIds] }, overseers] : [overseers];
}
