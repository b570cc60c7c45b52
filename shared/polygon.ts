import { sweep, type Segment } from 'isect';
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
 * Most positions (all rings together) an outline may have, by what it outlines. Drawn ones are
 * far smaller — the seeded high-risk areas have at most 12 positions, the seeded mechanism areas
 * at most 123 — so the limits leave ample room while keeping one request from making validation,
 * storage and every map that draws it slow (security issue #22). Areas are surveyed or imported
 * boundaries (an area ring alone may hold 5,000 positions) and get more room than a search sector
 * or an advisory polygon someone draws or another agency sends in a CAP message.
 */
export const MAX_POLYGON_POSITIONS = {
  sector: 2_000,
  advisory: 2_000,
  area: 10_000,
  mechanismArea: 10_000,
} as const;

export interface PolygonRuleOptions {
  /**
   * Most positions the outline may have (`MAX_POLYGON_POSITIONS`). The default is the largest
   * limit, so a caller that passes none never refuses an outline some use accepts; the crossing
   * check below is fast enough at that size.
   */
  maxPositions?: number;
}

/** An edge of a ring as the sweep sees it: which ring, and where in it. */
interface Edge extends Segment {
  ring: number;
  index: number;
  /** Edges in the ring (positions − 1): the last one meets the first at the closing position. */
  edges: number;
}

/** Edges of one ring that share a corner: the only edges of an outline allowed to touch. */
const neighbours = (a: Edge, b: Edge) =>
  a.ring === b.ring && (Math.abs(a.index - b.index) === 1 || Math.abs(a.index - b.index) === a.edges - 1);

/**
 * Where the closed rings of one polygon first touch or cross each other or themselves, or null.
 * A position used twice (a ring pinched at a corner, a hole touching its exterior, a zero-length
 * edge) is found by a look-up; any other contact between edges that are not neighbours by a
 * Bentley–Ottmann sweep (`isect`), O(n log n), that stops at the first one found — unlike
 * `@turf/kinks`, which compares every pair of edges and collects every crossing before the
 * first is used, so a zig-zag of a few thousand positions took seconds and gigabytes (#22).
 * Why `isect`: `sweepline-intersections` also collects every crossing and compares each edge
 * with every other it overlaps in longitude (quadratic for the zig-zag), and `shamos-hoey` stops
 * early but only says whether something crosses, not where, and misses edges touching at a
 * corner. `isect` treats edges within about 1e-5 of horizontal (≈ 1 m of latitude) as
 * horizontal, well below what anyone draws or a map shows.
 */
export function firstCrossing(rings: readonly Ring[]): Position2 | null {
  const seen = new Set<string>();
  for (const ring of rings)
    for (const [lon, lat] of ring.slice(0, -1)) {
      const key = `${lon},${lat}`;
      if (seen.has(key)) return [lon, lat];
      seen.add(key);
    }
  const edges: Edge[] = rings.flatMap((ring, r) =>
    ring.slice(1).map(([lon, lat], i) => ({
      from: { x: ring[i]![0], y: ring[i]![1] },
      to: { x: lon, y: lat },
      ring: r,
      index: i,
      edges: ring.length - 1,
    })),
  );
  let found: Position2 | null = null;
  sweep(edges, {
    // Every corner is reported (its two edges meet there); stop at the first contact of others.
    onFound(point: { x: number; y: number }, touching: Edge[]) {
      const crossing = touching.some((a, i) => touching.slice(i + 1).some((b) => !neighbours(a, b)));
      if (crossing) found = [point.x, point.y];
      return crossing;
    },
    // The library's own consistency complaint (an event reported twice) is not the outline's fault.
    onError() {},
  }).run();
  return found;
}

/**
 * The first reason the outline can't be a map area, or null: no more positions than the use
 * allows (`options.maxPositions`), every ring closed (last position repeats the first), at
 * least 4 positions, coordinates on the Earth (longitude −180…180, latitude −90…90), some area
 * enclosed, and no edge touching or crossing another but its neighbours (`firstCrossing`; turf's
 * validity check accepts a bow-tie). Winding is not a problem: `rewound` fixes it.
 */
export function polygonProblem(shape: PolygonalShape, options: PolygonRuleOptions = {}): PolygonProblem | null {
  const multi = shape.type === 'MultiPolygon';
  const polygons = polygonsOf(shape);
  if (polygons.length === 0) return { path: 'coordinates', reason: { key: 'polygon.empty' } };
  // Counted first, so an outline too large to check is refused before anything walks it.
  const limit = options.maxPositions ?? MAX_POLYGON_POSITIONS.area;
  const count = polygons.reduce((sum, rings) => rings.reduce((n, ring) => n + ring.length, sum), 0);
  if (count > limit) return { path: 'coordinates', reason: { key: 'polygon.tooMany', params: { count, limit } } };
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
    const crossing = firstCrossing(rings);
    if (crossing) {
      const [lon, lat] = crossing;
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
