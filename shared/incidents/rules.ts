import { countries, type Country } from '@shared/auth.js';
import { distanceToLineKm } from '@shared/geo.js';
import type { MessageRef } from '@shared/i18n/define.js';
import { ref } from '@shared/i18n/index.js';
import {
  finishedStatuses,
  investigatedTypes,
  OCCURRED_AT_FLOOR,
  OCCURRED_AT_MAX_FUTURE_MINUTES,
  staleInvestigationDays,
  statusTransitions,
  type IncidentStatus,
  type IncidentType,
  type InvestigationFollowUp,
} from '@shared/incidents/contract.js';
import { usMexicoBorderLine } from '@shared/reference/border-line.js';
import type { LatLon } from '@shared/reference/contract.js';

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

/**
 * The hand-offs to offer an officer: what may follow the current status. Acknowledgement is
 * the governments' own (each acknowledges its alert; the incident moves to `acknowledged`
 * when both have), so it is never a hand-off.
 */
export function handOffTargets(status: IncidentStatus): IncidentStatus[] {
  return statusTransitions[status].filter((to) => to !== 'acknowledged');
}

/** A resolved or closed incident needs no acknowledgement: its alerts are settled and never escalate. */
export function isFinished(status: IncidentStatus): boolean {
  return finishedStatuses.includes(status);
}

/** A closed incident is the record: its status, counts, summary and notes no longer change. */
export const isReadOnly = (status: IncidentStatus) => status === 'closed';

export type OccurredAtRefusal = 'beforeFloor' | 'future';

/** What to tell the reporter, in either language, about an `occurredAt` the rule refuses. */
export function occurredAtReason(refusal: OccurredAtRefusal): MessageRef {
  return refusal === 'beforeFloor'
    ? ref('incidentError.occurredAtBeforeFloor')
    : ref('incidentError.occurredAtFuture', { minutes: OCCURRED_AT_MAX_FUTURE_MINUTES });
}

/**
 * Why a report's `occurredAt` can't be right, or null: before `OCCURRED_AT_FLOOR`, or more
 * than `OCCURRED_AT_MAX_FUTURE_MINUTES` ahead of `now` (the server's clock, or the browser's
 * for instant feedback in the form).
 */
export function occurredAtRefusal(occurredAt: string, now: Date): OccurredAtRefusal | null {
  const at = Date.parse(occurredAt);
  if (at < Date.parse(OCCURRED_AT_FLOOR)) return 'beforeFloor';
  if (at > now.getTime() + OCCURRED_AT_MAX_FUTURE_MINUTES * 60_000) return 'future';
  return null;
}

/**
 * Why a report's place is off this border's map, or null: farther than `maxKm`
 * (MAX_REPORT_DISTANCE_KM) from the US–Mexico line. Outside the liaison areas' band the
 * nearest mechanism still takes a report (the Plan of Action V: whoever sees an emergency
 * reports it), but a point in Tokyo or at 0,0 is a slip of the map or a made-up request,
 * not an incident for `icm-atlanta`. Never a question of scope: any officer reports anywhere
 * within reach. `km` is rounded up, so a refusal never reads "300 km … within 300 km".
 */
export function borderDistanceRefusal(point: LatLon, maxKm: number): { km: number; maxKm: number } | null {
  const km = distanceToLineKm(point, usMexicoBorderLine);
  return km > maxKm ? { km: Math.ceil(km), maxKm } : null;
}

export function borderDistanceReason(refusal: { km: number; maxKm: number }): MessageRef {
  return ref('incidentError.farFromBorder', refusal);
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
