import { polygonProblem } from '@shared/advisories/rules.js';
import type { PolygonGeometry } from '@shared/reference/contract.js';
import type { SarStatus, SectorStatus } from './contract.js';

const sectorProblems = {
  'advisoryError.polygonOpen': 'sarError.polygonOpen',
  'advisoryError.polygonPoints': 'sarError.polygonPoints',
  'advisoryError.polygonCrosses': 'sarError.polygonCrosses',
} as const;

/**
 * Why a drawn search sector can't be used, or null: the same checks as an advisory's polygon
 * (closed ring, ≥ 4 points in range, no self-intersection with `@turf/kinks`), worded for sectors.
 */
export function sectorPolygonProblem(
  polygon: PolygonGeometry,
): (typeof sectorProblems)[keyof typeof sectorProblems] | null {
  const problem = polygonProblem(polygon);
  return problem ? sectorProblems[problem] : null;
}

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
