import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Incident } from '@shared/incidents/contract.js';

/** RFC 7946: positions are [longitude, latitude], WGS84, and the id is a string. */
export function toFeatureCollection(incidents: Incident[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: incidents.map(({ location, ...properties }): Feature<Point> => ({
      type: 'Feature',
      id: properties.id,
      geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
      properties,
    })),
  };
}
