import type { LatLon } from '@shared/reference/contract.js';

/** A port is a pair of facilities a few hundred metres apart: the map marks the crossing between them. */
export function crossing(usLocation: LatLon, mxLocation: LatLon): LatLon {
  return { lat: (usLocation.lat + mxLocation.lat) / 2, lon: (usLocation.lon + mxLocation.lon) / 2 };
}
