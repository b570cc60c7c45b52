import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { lineString } from '@turf/helpers';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaGeometry, LatLon } from '@shared/reference/contract.js';

export interface AreaShape {
  id: string;
  geometry: AreaGeometry;
}

/** A mechanism's area of responsibility (issue 15), as the reference feature stores it. */
export interface MechanismArea {
  mechanismId: string;
  area: Polygon | MultiPolygon;
}

export type Responsibility =
  { mechanismId: string; how: 'contains' } | { mechanismId: string; how: 'nearest'; distanceKm: number };

/** High-risk areas (Plan of Action I) whose polygon holds the point, boundary included. */
export function areasContaining(point: LatLon, areas: readonly AreaShape[]): string[] {
  return areas.filter((area) => booleanPointInPolygon([point.lon, point.lat], area.geometry)).map((area) => area.id);
}

/**
 * The mechanism responsible for a place (Plan of Action VIII: the local coordinating
 * entity): the one whose area holds the point — the seeded areas partition the border
 * band, so inside it there is exactly one (on a shared edge, the first listed) — else the
 * one whose area's edge is nearest, with that distance. Null only with no areas at all.
 */
export function responsibleMechanismFor(point: LatLon, areas: readonly MechanismArea[]): Responsibility | null {
  const position = [point.lon, point.lat];
  const holder = areas.find((a) => booleanPointInPolygon(position, a.area));
  if (holder) return { mechanismId: holder.mechanismId, how: 'contains' };
  let nearest: { mechanismId: string; km: number } | null = null;
  for (const a of areas) {
    const km = pointToPolygonDistance(position, a.area, { units: 'kilometers' });
    if (!nearest || km < nearest.km) nearest = { mechanismId: a.mechanismId, km };
  }
  return nearest && { mechanismId: nearest.mechanismId, how: 'nearest', distanceKm: Math.round(nearest.km * 10) / 10 };
}

/** An incident's mechanism and high-risk areas, from where it happened. */
export function assignFromGeometry(
  point: LatLon,
  areas: readonly AreaShape[],
  mechanismAreas: readonly MechanismArea[],
): { mechanismId: string | null; areaIds: string[] } {
  return {
    mechanismId: responsibleMechanismFor(point, mechanismAreas)?.mechanismId ?? null,
    areaIds: areasContaining(point, areas),
  };
}

/** Kilometres from a point to the nearest point of a line given as [lon, lat] positions (great-circle). */
export function distanceToLineKm(point: LatLon, line: ReadonlyArray<readonly [number, number]>): number {
  const nearest = nearestPointOnLine(lineString(line.map(([lon, lat]) => [lon, lat])), [point.lon, point.lat], {
    units: 'kilometers',
  });
  return nearest.properties.pointDistance;
}
