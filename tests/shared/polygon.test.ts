import { describe, expect, it } from 'vitest';
import { areaBody } from '@shared/areas/contract.js';
import { bilingualRef } from '@shared/i18n/index.js';
import {
  centroidOf,
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
const reason = (shape: PolygonShape) => {
  const problem = polygonProblem(shape);
  return problem && { path: problem.path, en: bilingualRef(problem.reason).en };
};

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
