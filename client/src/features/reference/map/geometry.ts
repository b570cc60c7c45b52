import type { Polygon } from 'geojson';
import type { LatLon } from '@shared/reference/contract.js';

const KM_PER_DEGREE = 111.32;

/** A mechanism's reach drawn as a 64-sided circle; flat-earth maths is exact enough at this scale. */
export function reachCircle(centre: LatLon, radiusKm: number, steps = 64): Polygon {
  const ring = Array.from({ length: steps + 1 }, (_, i) => {
    const angle = (2 * Math.PI * i) / steps;
    const dLat = (radiusKm / KM_PER_DEGREE) * Math.sin(angle);
    const dLon = (radiusKm / (KM_PER_DEGREE * Math.cos((centre.lat * Math.PI) / 180))) * Math.cos(angle);
    return [centre.lon + dLon, centre.lat + dLat];
  });
  return { type: 'Polygon', coordinates: [ring] };
}

/** A port is a pair of facilities a few hundred metres apart: the map marks the crossing between them. */
export function crossing(usLocation: LatLon, mxLocation: LatLon): LatLon {
  return { lat: (usLocation.lat + mxLocation.lat) / 2, lon: (usLocation.lon + mxLocation.lon) / 2 };
}
