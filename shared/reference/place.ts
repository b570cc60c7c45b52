import distance from '@turf/distance';
import { z } from 'zod';
import type { Country } from '@shared/auth.js';
import { bilingualText, type BilingualText } from '@shared/errors.js';
import type { LatLon, Port } from '@shared/reference/contract.js';
import { borderTowns, type BorderTown } from './border-towns.js';

/** Eight compass points, clockwise from north: the direction of a place from a town. */
export const compassPoints = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;
export type CompassPoint = (typeof compassPoints)[number];

/** A place in words: what an officer says on the phone instead of coordinates. */
export const placeDescription = z.object({
  /** IANA zone of local clocks there: the responsible mechanism's (`localTimeZone` until mechanisms carry one). */
  timeZone: z.string(),
  /** The responsible Border Liaison Mechanism by its sister cities, each language naming its own side first. */
  mechanism: z.object({ id: z.string(), name: bilingualText }).nullable(),
  /** High-risk areas (Plan of Action I) that hold the point. */
  areas: z.array(z.object({ id: z.string(), name: bilingualText })),
  /** The nearest border town on the place's side of the border, how far and in which direction from it the place is. */
  nearest: z
    .object({ town: z.string(), country: z.enum(['US', 'MX']), km: z.number(), direction: z.enum(compassPoints) })
    .nullable(),
});
export type PlaceDescription = z.infer<typeof placeDescription>;

/** What describing a place needs of the reference geography (the reference feature keeps it cached). */
export interface PlaceGeography {
  ports: readonly Pick<Port, 'usLocation' | 'mxLocation' | 'usTimeZone' | 'mxTimeZone'>[];
  areas: readonly { id: string; name: BilingualText }[];
  /** `timeZone`, once mechanisms carry one (issue 15), is the mechanism's local clock. */
  mechanisms: readonly { id: string; usCity: string; mxCity: string | null; timeZone?: string }[];
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

export function distanceKm(a: LatLon, b: LatLon): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
}

/** The compass point nearest the initial great-circle bearing from `from` to `to`. */
export function compassPoint(from: LatLon, to: LatLon): CompassPoint {
  const [φ1, φ2, Δλ] = [toRadians(from.lat), toRadians(to.lat), toRadians(to.lon - from.lon)];
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  const degrees = ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
  return compassPoints[Math.round(degrees / 45) % 8]!;
}

/** The nearest town, and the place's distance (whole km) and direction from it. */
export function nearestTown(point: LatLon, towns: readonly BorderTown[] = borderTowns): PlaceDescription['nearest'] {
  let best: { town: BorderTown; km: number } | null = null;
  for (const town of towns) {
    const km = distanceKm(town, point);
    if (!best || km < best.km) best = { town, km };
  }
  if (!best) return null;
  return {
    town: best.town.name,
    country: best.town.country,
    km: Math.round(best.km),
    direction: compassPoint(best.town, point),
  };
}

const midpoint = (port: PlaceGeography['ports'][number]) => ({
  lat: (port.usLocation.lat + port.mxLocation.lat) / 2,
  lon: (port.usLocation.lon + port.mxLocation.lon) / 2,
});

/**
 * Which country a point lies in, by the line through the ports of entry west to east
 * (latitude of the line interpolated at the point's longitude; north of it is the United
 * States). The border runs close to that line; within a few kilometres of it either answer
 * gives the same clock.
 */
export function borderSideOf(point: LatLon, ports: PlaceGeography['ports']): Country {
  const line = ports.map(midpoint).sort((a, b) => a.lon - b.lon);
  if (line.length === 0) return 'US';
  const east = line.findIndex((p) => p.lon >= point.lon);
  let borderLat: number;
  if (east <= 0) borderLat = line[east === 0 ? 0 : line.length - 1]!.lat;
  else {
    const [a, b] = [line[east - 1]!, line[east]!];
    borderLat = a.lat + ((point.lon - a.lon) / (b.lon - a.lon || 1)) * (b.lat - a.lat);
  }
  return point.lat >= borderLat ? 'US' : 'MX';
}

/**
 * The IANA zone of local clocks at a point: the zone of the nearest port of entry on the
 * point's side of the border (ports carry both sides' zones). Replaced by the responsible
 * mechanism's own zone where the mechanism has one (`describePlace`).
 */
export function localTimeZone(point: LatLon, ports: PlaceGeography['ports']): string {
  const side = borderSideOf(point, ports);
  let best: { zone: string; km: number } | null = null;
  for (const port of ports) {
    const km = distanceKm(side === 'US' ? port.usLocation : port.mxLocation, point);
    if (!best || km < best.km) best = { zone: side === 'US' ? port.usTimeZone : port.mxTimeZone, km };
  }
  return best?.zone ?? 'UTC';
}

/** "El Paso (also New Mexico)" → "El Paso": the reference data's notes are not part of a name. */
const cityName = (city: string) => city.replace(/\s*\(.*\)\s*$/, '');

/**
 * A mechanism's one name, wherever it is shown (place line, toasts, ports board, liaison list,
 * who to call, map, calendar): its sister cities, each language naming its own side's city
 * first, as ports are named ("San Diego – Tijuana" / "Tijuana – San Diego"); an ICM, its
 * interior city. Issue 23: two functions gave two orders in Spanish.
 */
export function mechanismName(mechanism: PlaceGeography['mechanisms'][number]): BilingualText {
  const us = cityName(mechanism.usCity);
  if (!mechanism.mxCity) return { en: us, es: us };
  const mx = cityName(mechanism.mxCity);
  return { en: `${us} – ${mx}`, es: `${mx} – ${us}` };
}

/**
 * The IANA zone of local clocks at a point: its responsible mechanism's (the zone that
 * mechanism keeps its rotations in), else the nearest port's on its side of the border.
 */
export function placeTimeZone(point: LatLon, mechanismId: string | null, geography: PlaceGeography): string {
  return geography.mechanisms.find((m) => m.id === mechanismId)?.timeZone ?? localTimeZone(point, geography.ports);
}

/**
 * An incident's place in words, from its location and the mechanism and areas assigned to
 * it. The town it is described from is on its own side of the border: an officer there
 * names the places around them.
 */
export function describePlace(
  incident: { location: LatLon; mechanismId: string | null; areaIds: readonly string[] },
  geography: PlaceGeography,
): PlaceDescription {
  const mechanism = geography.mechanisms.find((m) => m.id === incident.mechanismId) ?? null;
  const side = borderSideOf(incident.location, geography.ports);
  return {
    timeZone: placeTimeZone(incident.location, incident.mechanismId, geography),
    mechanism: mechanism && { id: mechanism.id, name: mechanismName(mechanism) },
    areas: geography.areas
      .filter((area) => incident.areaIds.includes(area.id))
      .map((area) => ({ id: area.id, name: area.name })),
    nearest: nearestTown(
      incident.location,
      borderTowns.filter((town) => town.country === side),
    ),
  };
}
