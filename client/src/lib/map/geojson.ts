import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { LatLon } from '@shared/reference/contract.js';

/** RFC 7946 positions are [longitude, latitude]. */
export function point(location: LatLon): Point {
  return { type: 'Point', coordinates: [location.lon, location.lat] };
}

export function collection<G extends Geometry>(features: Feature<G>[]): FeatureCollection<G> {
  return { type: 'FeatureCollection', features };
}
