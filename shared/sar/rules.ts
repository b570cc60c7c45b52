import {
  sarChanges,
  sarOutcomes,
  sectorStatuses,
  type SarChange,
  type SarOutcome,
  type SarStatus,
  type SectorStatus,
} from './contract.js';

/** Why an operation refuses changes, or null: closed operations and closed incidents are the record. */
export function sarWriteRefusal(
  operation: { status: SarStatus } | null,
  incidentStatus: string,
): 'incidentClosed' | 'operationClosed' | null {
  if (incidentStatus === 'closed') return 'incidentClosed';
  if (operation?.status === 'closed') return 'operationClosed';
  return null;
}

/** Sectors are worked in this order; the panel offers the statuses other than the current one. */
export function nextSectorStatuses(status: SectorStatus): SectorStatus[] {
  return (['assigned', 'searched', 'cleared'] as const).filter((s) => s !== status);
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): T | null =>
    values.includes(value as T) ? (value as T) : null;

/** What a timeline entry's `data` says, read defensively (entries are stored JSON). */
export const sarChangeOf = oneOf<SarChange>(sarChanges);
export const sectorStatusOf = oneOf<SectorStatus>(sectorStatuses);
export const outcomeOf = oneOf<SarOutcome>(sarOutcomes);

/** What a SAR timeline entry is about, beyond its verb: the sector and its status change, or the outcome. */
export function sarEntryFacts(data: Record<string, unknown>): {
  sector: string | null;
  from: SectorStatus | null;
  to: SectorStatus | null;
  outcome: SarOutcome | null;
} {
  return {
    sector: typeof data.sector === 'string' ? data.sector : null,
    from: sectorStatusOf(data.from),
    to: sectorStatusOf(data.to),
    outcome: outcomeOf(data.outcome),
  };
}
