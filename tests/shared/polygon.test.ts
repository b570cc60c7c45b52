import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { areaBody } from '@shared/areas/contract.js';
import { bilingualRef } from '@shared/i18n/index.js';
import {
  MAX_POLYGON_POSITIONS,
  centroidOf,
  firstCrossing,
  followsRightHandRule,
  polygonProblem,
  rewound,
  ringFrom,
  signedArea,
  type PolygonShape,
  type Ring,
} from '@shared/polygon.js';

const ccw: Ring = [
  [0, 0],
  [2, 0],
  [2, 2],
  [0, 2],
  [0, 0],
];
const polygon = (...rings: Ring[]): PolygonShape => ({ type: 'Polygon', coordinates: rings });
const reason = (shape: PolygonShape, maxPositions?: number) => {
  const problem = polygonProblem(shape, { maxPositions });
  return problem && { path: problem.path, en: bilingualRef(problem.reason).en, es: bilingualRef(problem.reason).es };
};

/**
 * The outline of security issue #22: `count` positions (and the first repeated) zig-zagging
 * between two meridians, up one side and down the other, so every edge crosses the next but
 * one and, in all, about count²/8 pairs cross — what made `@turf/kinks` stall the server.
 */
function zigZag(count: number, lon = -112, lat = 31.5): PolygonShape {
  const step = 0.0001;
  const ring: Ring = Array.from({ length: count }, (_, i) => {
    const k = Math.floor(i / 2);
    return i % 2 === 0 ? [lon, lat + k * step] : [lon + 0.1, lat + (count / 2 - k) * step];
  });
  return polygon([...ring, ring[0]!]);
}

/** Every pair of edges that are not neighbours, tested for any contact: the rule, slowly. */
function crossesByBruteForce(rings: Ring[]): boolean {
  const edges = rings.flatMap((ring, r) =>
    ring.slice(1).map((to, i) => ({ r, i, n: ring.length - 1, a: ring[i]!, b: to })),
  );
  const orient = (p: Ring[number], q: Ring[number], x: Ring[number]) =>
    Math.sign((q[0] - p[0]) * (x[1] - p[1]) - (q[1] - p[1]) * (x[0] - p[0]));
  const within = (p: Ring[number], q: Ring[number], x: Ring[number]) =>
    Math.min(p[0], q[0]) <= x[0] &&
    x[0] <= Math.max(p[0], q[0]) &&
    Math.min(p[1], q[1]) <= x[1] &&
    x[1] <= Math.max(p[1], q[1]);
  const touch = (p: Ring[number], q: Ring[number], s: Ring[number], t: Ring[number]) => {
    const [o1, o2, o3, o4] = [orient(p, q, s), orient(p, q, t), orient(s, t, p), orient(s, t, q)];
    if (o1 !== o2 && o3 !== o4 && o1 * o2 <= 0 && o3 * o4 <= 0) return true;
    return (
      (o1 === 0 && within(p, q, s)) ||
      (o2 === 0 && within(p, q, t)) ||
      (o3 === 0 && within(s, t, p)) ||
      (o4 === 0 && within(s, t, q))
    );
  };
  return edges.some((e, x) =>
    edges.slice(x + 1).some((f) => !(e.r === f.r && [1, e.n - 1].includes(f.i - e.i)) && touch(e.a, e.b, f.a, f.b)),
  );
}

describe('polygon rules (shared/polygon.ts)', () => {
  it('accepts a closed, simple ring of four or more positions', () => {
    expect(polygonProblem(polygon(ccw))).toBeNull();
  });

  it.each([
    [
      'self-intersection',
      polygon([
        [0, 0],
        [2, 2],
        [2, 0],
        [0, 2],
        [0, 0],
      ]),
      'coordinates',
      /crosses itself near latitude 1, longitude 1/,
    ],
    ['an open ring', polygon(ccw.slice(0, 4)), 'coordinates.0', /ring 1 is open/],
    [
      'fewer than 4 positions',
      polygon([
        [0, 0],
        [1, 1],
        [0, 0],
      ]),
      'coordinates.0',
      /ring 1 has 3 positions/,
    ],
    [
      'longitude out of range',
      polygon([
        [0, 0],
        [181, 0],
        [1, 1],
        [0, 0],
      ]),
      'coordinates.0.1',
      /position 2 of ring 1 \(181, 0\) is off the Earth/,
    ],
    [
      'latitude out of range',
      polygon([
        [0, 0],
        [1, -90.5],
        [1, 1],
        [0, 0],
      ]),
      'coordinates.0.1',
      /\(1, -90.5\) is off the Earth/,
    ],
    [
      'no area',
      polygon([
        [0, 0],
        [1, 1],
        [2, 2],
        [0, 0],
      ]),
      'coordinates.0',
      /ring 1 encloses no area/,
    ],
  ])('refuses %s, saying where', (_name, shape, path, text) => {
    const problem = reason(shape)!;
    expect(problem.path).toBe(path);
    expect(problem.en).toMatch(text);
  });

  it('refuses zig-zags of 1,000 and 5,000 positions at their first crossing, without comparing every pair (#22)', () => {
    for (const count of [1_000, 5_000]) {
      const started = performance.now();
      const problem = reason(zigZag(count))!;
      // Not a benchmark: a bound forty times what the sweep needs, far below the seconds the
      // pairwise check took (1.9 s for 1,000 positions on the server, ~a minute for 5,000).
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(problem.path).toBe('coordinates');
      expect(problem.en).toMatch(/^the outline crosses itself near latitude 31\.\d+, longitude -11[12]\.\d+$/);
      expect(problem.es).toMatch(
        /^el contorno se cruza consigo mismo cerca de latitud 31\.\d+, longitud -11[12]\.\d+$/,
      );
      // Where it says is between the two meridians the outline zig-zags between.
      const { lon } = polygonProblem(zigZag(count))!.reason.params as { lon: number };
      expect(lon).toBeGreaterThan(-112);
      expect(lon).toBeLessThan(-111.9);
    }
  });

  it('refuses more positions than the use allows before checking anything else, naming the limit and the count', () => {
    expect(reason(zigZag(5_000), MAX_POLYGON_POSITIONS.sector)).toEqual({
      path: 'coordinates',
      en: 'the outline has 5,001 positions; at most 2,000 are accepted here',
      es: 'el contorno tiene 5,001 posiciones; aquí se aceptan como máximo 2,000',
    });
    // The default is the largest limit: an over-limit area, counted over every ring of every part.
    const big = Array.from({ length: 10_001 }, (_, i) => [i * 1e-5, 0] as [number, number]);
    const problem = polygonProblem({ type: 'MultiPolygon', coordinates: [[ccw], [big]] })!;
    expect(problem.reason).toEqual({ key: 'polygon.tooMany', params: { count: 10_006, limit: 10_000 } });
    expect(polygonProblem(polygon(ccw), { maxPositions: 5 })).toBeNull();
    expect(polygonProblem(polygon(ccw), { maxPositions: 4 })?.reason.key).toBe('polygon.tooMany');
  });

  it.each([
    [
      'a ring pinched at a corner',
      [
        [0, 0],
        [2, 0],
        [1, 1],
        [2, 2],
        [0, 2],
        [1, 1],
        [0, 0],
      ],
      [1, 1],
    ],
    [
      'a corner on another edge',
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [2, 0.5],
        [2, 0],
        [0, 4],
        [0, 0],
      ],
      null,
    ],
    [
      'edges overlapping along a line',
      [
        [0, 0],
        [3, 0],
        [3, 1],
        [2, 1],
        [2, 0],
        [1, 0],
        [1, -1],
        [0, -1],
        [0, 0],
      ],
      null,
    ],
  ] as [string, Ring, [number, number] | null][])(
    'refuses %s (edges touching, not just crossing)',
    (_name, ring, at) => {
      const crossing = firstCrossing([ring]);
      expect(crossing).not.toBeNull();
      if (at) expect(crossing).toEqual(at);
    },
  );

  it('finds a hole touching or crossing its exterior, and accepts one inside it', () => {
    const hole = (...corners: [number, number][]) => [...corners, corners[0]!];
    expect(firstCrossing([ccw, hole([0, 0], [1, 0.5], [0.5, 1])])).toEqual([0, 0]);
    expect(firstCrossing([ccw, hole([1, 1], [3, 1], [3, 3])])).not.toBeNull();
    expect(firstCrossing([ccw, hole([0.5, 0.5], [1, 1.5], [1.5, 0.5])])).toBeNull();
  });

  it('agrees with comparing every pair of edges, on small rings full of collinear and shared corners', () => {
    const corner = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(fc.array(corner, { minLength: 3, maxLength: 9 }), (corners) => {
        const ring: Ring = [...corners, corners[0]!];
        expect(firstCrossing([ring]) !== null).toBe(
          new Set(corners.map(String)).size < corners.length || crossesByBruteForce([ring]),
        );
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds a problem in any part of a MultiPolygon, numbering the ring by part', () => {
    const problem = polygonProblem({ type: 'MultiPolygon', coordinates: [[ccw], [ccw.slice(0, 4)]] })!;
    expect(problem.path).toBe('coordinates.1.0');
    expect(problem.reason.params).toMatchObject({ ring: '2.1' });
  });

  it('winds rings by the right-hand rule (RFC 7946 §3.1.6): exterior counter-clockwise, holes clockwise', () => {
    const cw = [...ccw].reverse();
    const hole: Ring = [
      [0.5, 0.5],
      [1, 0.5],
      [1, 1],
      [0.5, 1],
      [0.5, 0.5],
    ]; // counter-clockwise: wrong for a hole
    expect(followsRightHandRule(polygon(cw, hole))).toBe(false);
    const fixed = rewound(polygon(cw, hole));
    expect(followsRightHandRule(fixed)).toBe(true);
    expect(fixed.coordinates[0]).toEqual(ccw);
    expect(signedArea(fixed.coordinates[1]!)).toBeLessThan(0);
    expect(rewound(polygon(ccw))).toEqual(polygon(ccw));
  });

  it('closes a drawn ring counter-clockwise whichever way it was clicked', () => {
    expect(
      ringFrom([
        [0, 0],
        [0, 2],
        [2, 2],
        [2, 0],
      ]),
    ).toEqual(ccw);
    expect(
      ringFrom([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ]),
    ).toEqual(ccw);
  });

  it('puts the centroid in the middle of a square, off-centre with a hole', () => {
    expect(centroidOf(polygon(ccw))).toEqual([1, 1]);
    const withHole = rewound(
      polygon(ccw, [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ]),
    );
    const [x, y] = centroidOf(withHole);
    expect(x).toBeGreaterThan(1);
    expect(y).toBeGreaterThan(1);
  });

  it('the area contract the editor and the server share: refuses on the field, rewinds, drops altitude', () => {
    const feature = (coordinates: unknown) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates },
      properties: { name: { en: 'A', es: 'A' }, hazard: { en: 'Heat', es: 'Calor' }, riskLevel: 'high' },
    });
    const refused = areaBody.safeParse(
      feature([
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ]),
    );
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.path).toEqual(['geometry', 'coordinates']);
    const parsed = areaBody.parse(feature([[...ccw].reverse().map(([x, y]) => [x, y, 100])]));
    expect(parsed.geometry.coordinates[0]).toEqual(ccw);
  });
});
