import kinks from '@turf/kinks';
import { polygon as turfPolygon } from '@turf/helpers';
import type { MessageRef } from '@shared/i18n/define.js';

/**
 * Polygon rules every drawn or imported outline goes through (high-risk areas, advisory
 * polygons, search sectors), on the server before anything is written and in the browser
 * as the user draws. Pure: GeoJSON in, reasons out.
 */

export type Position2 = [number, number];
export type Ring = Position2[];
export interface PolygonShape {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonShape {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type PolygonalShape = PolygonShape | MultiPolygonShape;

/** Why an outline is refused, and where: `path` is dotted below the geometry (`coordinates.0.3`). */
export interface PolygonProblem {
  path: string;
  reason: MessageRef;
}

/** The polygons of a Polygon or MultiPolygon, each as its rings. */
export const polygonsOf = (shape: PolygonalShape): Ring[][] =>
  shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;

/** Twice the signed area of a ring in the lon/lat plane (shoelace): positive when counter-clockwise. */
export function signedArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum;
}

/**
 * RFC 7946 §3.1.6, the right-hand rule: an exterior ring counter-clockwise, holes clockwise.
 * The same section tells parsers not to refuse polygons that break it, and KML has no winding
 * rule at all, so the console turns such rings around rather than refusing them.
 */
export function followsRightHandRule(shape: PolygonalShape): boolean {
  return polygonsOf(shape).every((rings) => rings.every((ring, i) => (i === 0) === signedArea(ring) > 0));
}

/** The same outline with every ring wound by the right-hand rule (see `followsRightHandRule`). */
export function rewound<S extends PolygonalShape>(shape: S): S {
  const wind = (rings: Ring[]) =>
    rings.map((ring, i) => ((i === 0) === signedArea(ring) > 0 ? ring : [...ring].reverse()));
  return (
    shape.type === 'Polygon'
      ? { ...shape, coordinates: wind(shape.coordinates) }
      : { ...shape, coordinates: shape.coordinates.map(wind) }
  ) as S;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * The first reason the outline can't be a map area, or null: every ring closed (last position
 * repeats the first), at least 4 positions, coordinates on the Earth (longitude −180…180,
 * latitude −90…90), some area enclosed, and no edge crossing another (`@turf/kinks`; turf's
 * validity check accepts a bow-tie). Winding is not a problem: `rewound` fixes it.
 */
export function polygonProblem(shape: PolygonalShape): PolygonProblem | null {
  const multi = shape.type === 'MultiPolygon';
  const polygons = polygonsOf(shape);
  if (polygons.length === 0) return { path: 'coordinates', reason: { key: 'polygon.empty' } };
  for (const [p, rings] of polygons.entries()) {
    if (rings.length === 0)
      return { path: multi ? `coordinates.${p}` : 'coordinates', reason: { key: 'polygon.empty' } };
    for (const [r, ring] of rings.entries()) {
      const path = multi ? `coordinates.${p}.${r}` : `coordinates.${r}`;
      const name = multi ? `${p + 1}.${r + 1}` : `${r + 1}`;
      for (const [i, position] of ring.entries()) {
        const [lon, lat] = position;
        if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
          return {
            path: `${path}.${i}`,
            reason: { key: 'polygon.outOfRange', params: { position: i + 1, ring: name, lon, lat } },
          };
      }
      if (ring.length < 4)
        return { path, reason: { key: 'polygon.tooFew', params: { ring: name, count: ring.length } } };
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1])
        return { path, reason: { key: 'polygon.open', params: { ring: name } } };
    }
    const crossing = kinks(turfPolygon(rings)).features[0];
    if (crossing) {
      const [lon, lat] = crossing.geometry.coordinates as Position2;
      return {
        path: multi ? `coordinates.${p}` : 'coordinates',
        reason: { key: 'polygon.crosses', params: { lat: round(lat), lon: round(lon) } },
      };
    }
    for (const [r, ring] of rings.entries())
      if (signedArea(ring) === 0)
        return {
          path: multi ? `coordinates.${p}.${r}` : `coordinates.${r}`,
          reason: { key: 'polygon.noArea', params: { ring: multi ? `${p + 1}.${r + 1}` : `${r + 1}` } },
        };
  }
  return null;
}

/** A ring from the vertices a user placed: closed (first repeated last) and counter-clockwise. */
export function ringFrom(vertices: readonly Position2[]): Ring {
  const ring: Ring = [...vertices, vertices[0]!];
  return signedArea(ring) >= 0 ? ring : ring.reverse();
}

/**
 * The centroid of the outline (area-weighted, holes subtracted; lon/lat treated as planar,
 * which is close enough at the scale of a high-risk area), for exports and labels.
 */
export function centroidOf(shape: PolygonalShape): Position2 {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const rings of polygonsOf(shape)) {
    for (const ring of rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x1, y1] = ring[i]!;
        const [x2, y2] = ring[i + 1]!;
        const cross = x1 * y2 - x2 * y1;
        area += cross;
        x += (x1 + x2) * cross;
        y += (y1 + y2) * cross;
      }
    }
  }
  if (area === 0) {
    const first = polygonsOf(shape)[0]?.[0]?.[0] ?? [0, 0];
    return [first[0], first[1]];
  }
  return [round(x / (3 * area)), round(y / (3 * area))];
}
