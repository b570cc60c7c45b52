import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { LatLon } from '@shared/reference/contract.js';

/** RFC 7946 positions are [longitude, latitude]. */
export function point(location: LatLon): Point {
  return { type: 'Point', coordinates: [location.lon, location.lat] };
}

export function collection<G extends Geometry>(features: Feature<G>[]): FeatureCollection<G> {
  return { type: 'FeatureCollection', features };
}

/** A geometry's extent [west, south, east, north], or null if it has no positions. */
export function boundsOf(geometry: Geometry): [number, number, number, number] | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [lon, lat] = value as number[];
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    } else value.forEach(visit);
  };
  const visitGeometry = (g: Geometry): void =>
    g.type === 'GeometryCollection' ? g.geometries.forEach(visitGeometry) : visit(g.coordinates);
  visitGeometry(geometry);
  return west <= east ? [west, south, east, north] : null;
}
