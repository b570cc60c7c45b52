import { countries, type Country } from '@shared/auth.js';
import {
  investigatedTypes,
  staleInvestigationDays,
  statusTransitions,
  type IncidentStatus,
  type IncidentType,
  type InvestigationFollowUp,
} from '@shared/incidents/contract.js';

/**
 * Plan of Action V: the authorities of both governments are alerted and each acknowledges
 * for itself. The governments that have not acknowledged yet, in the order of `countries`.
 */
export function pendingGovernments(acknowledgedBy: Iterable<Country>): Country[] {
  const acknowledged = new Set(acknowledgedBy);
  return countries.filter((government) => !acknowledged.has(government));
}

/** Plan of Action III and the Mérida MOU (1999): whether this type needs an investigation record. */
export function requiresInvestigation(type: IncidentType): boolean {
  return investigatedTypes.includes(type);
}

/** Why an officer may not hand an incident on to `to` now, or null when they may. */
export type HandOffRefusal = 'transition' | 'investigationRequired';

/**
 * A status hand-off is allowed when `statusTransitions` lists it, and closing an incident
 * of an investigated type needs its investigation record first.
 */
export function handOffRefusal(
  incident: { status: IncidentStatus; type: IncidentType },
  to: IncidentStatus,
  hasInvestigation: boolean,
): HandOffRefusal | null {
  if (!statusTransitions[incident.status].includes(to)) return 'transition';
  if (to === 'closed' && requiresInvestigation(incident.type) && !hasInvestigation) return 'investigationRequired';
  return null;
}

const DAY_MS = 86_400_000;

/** An investigation still open and not updated for `staleInvestigationDays` is flagged for supervisors. */
export function isInvestigationStale(investigation: { status: string; updatedAt: Date | string }, now: Date): boolean {
  const updatedAt = new Date(investigation.updatedAt).getTime();
  return investigation.status !== 'closed' && updatedAt < now.getTime() - staleInvestigationDays * DAY_MS;
}

export type FollowUpFlag = InvestigationFollowUp['flag'];

/** How the follow-up list marks an incident that needs an investigation: none yet, stale, or current. */
export function followUpFlag(investigation: { stale: boolean } | null): FollowUpFlag {
  if (!investigation) return 'missing';
  return investigation.stale ? 'stale' : 'current';
}

/** Follow-up list order: missing records first, then stale ones, then current ones. */
export const followUpRank: Record<FollowUpFlag, number> = { missing: 0, stale: 1, current: 2 };
