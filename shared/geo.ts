import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import type { LatLon, PolygonGeometry } from '@shared/reference/contract.js';

export interface AreaShape {
  id: string;
  geometry: PolygonGeometry;
}
export interface MechanismReach {
  id: string;
  centre: LatLon;
  radiusKm: number;
}

export function distanceKm(a: LatLon, b: LatLon): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
}

/** High-risk areas (Plan of Action I) whose polygon holds the point, boundary included. */
export function areasContaining(point: LatLon, areas: readonly AreaShape[]): string[] {
  return areas.filter((area) => booleanPointInPolygon([point.lon, point.lat], area.geometry)).map((area) => area.id);
}

/**
 * The Border Liaison Mechanism responsible for a place (Plan of Action VIII): the nearest
 * one whose reach holds the point, else the nearest one at all, so every incident has a
 * local coordinating entity to alert.
 */
export function responsibleMechanism(point: LatLon, mechanisms: readonly MechanismReach[]): string | null {
  let best: { id: string; km: number; inside: boolean } | null = null;
  for (const m of mechanisms) {
    const km = distanceKm(point, m.centre);
    const inside = km <= m.radiusKm;
    const better = !best || (inside && !best.inside) || (inside === best.inside && km < best.km);
    if (better) best = { id: m.id, km, inside };
  }
  return best?.id ?? null;
}

export function assignFromGeometry(
  point: LatLon,
  areas: readonly AreaShape[],
  mechanisms: readonly MechanismReach[],
): { mechanismId: string | null; areaIds: string[] } {
  return { mechanismId: responsibleMechanism(point, mechanisms), areaIds: areasContaining(point, areas) };
}
