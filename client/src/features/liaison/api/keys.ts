import type { LatLon } from '@shared/reference/contract.js';

/** Query keys of the liaison feature: the api modules and the live bridge agree on them here. */
export const liaisonKeys = {
  list: () => ['liaison', 'mechanisms'] as const,
  detail: (id: string) => ['liaison', 'mechanism', id] as const,
  onDuty: (id: string) => ['liaison', 'on-duty', id] as const,
  /** Every cached "who to call" answer for a place, whatever the place. */
  places: () => ['liaison', 'place'] as const,
  place: (point: LatLon) => ['liaison', 'place', point.lat, point.lon] as const,
  meetings: (id: string) => ['liaison', 'meetings', id] as const,
};
