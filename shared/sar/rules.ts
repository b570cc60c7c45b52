import type { SarStatus, SectorStatus } from './contract.js';

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
