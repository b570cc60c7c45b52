import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areasContaining, assignFromGeometry, distanceKm, responsibleMechanism } from '@shared/geo.js';
import { areaRows, mechanismRows } from '@seeds/reference.js';

const areas = areaRows().map((a) => ({ id: a.id, geometry: a.geometry }));
const mechanisms = mechanismRows().map((m) => ({
  id: m.id,
  centre: { lat: m.centre.y, lon: m.centre.x },
  radiusKm: m.radiusKm,
}));

describe('geometry assignment', () => {
  it('measures great-circle distance (San Diego – Tijuana ≈ 23 km)', () => {
    expect(distanceKm({ lat: 32.7157, lon: -117.1611 }, { lat: 32.5149, lon: -117.0382 })).toBeCloseTo(25, -1);
  });

  it('finds the high-risk areas that hold a point, and none for a city street', () => {
    expect(areasContaining({ lat: 32.69, lon: -115.2 }, areas)).toEqual(['all-american-canal']);
    expect(areasContaining({ lat: 32.0, lon: -112.5 }, areas)).toEqual(
      expect.arrayContaining(['az-west-desert-high-risk-zone']),
    );
    expect(areasContaining({ lat: 32.72, lon: -117.16 }, areas)).toEqual([]);
  });

  it('gives every seeded area a closed ring of [lon, lat] positions inside the border region', () => {
    for (const a of areas) {
      const ring = a.geometry.coordinates[0]!;
      expect(ring[0], a.id).toEqual(ring.at(-1));
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(-118);
        expect(lon).toBeLessThan(-96);
        expect(lat).toBeGreaterThan(25);
        expect(lat).toBeLessThan(34);
      }
    }
  });

  it('assigns the mechanism whose reach holds the point', () => {
    expect(responsibleMechanism({ lat: 32.54, lon: -117.03 }, mechanisms)).toBe('san-diego-tijuana');
    expect(responsibleMechanism({ lat: 31.76, lon: -106.45 }, mechanisms)).toBe('el-paso-ciudad-juarez');
    expect(responsibleMechanism({ lat: 27.5, lon: -99.5 }, mechanisms)).toBe('laredo-nuevo-laredo');
    expect(responsibleMechanism({ lat: 25.9, lon: -97.5 }, mechanisms)).toBe('brownsville-matamoros');
  });

  it('falls back to the nearest mechanism when no reach holds the point', () => {
    // Big Bend, far from every sister-city pair: Del Rio – Ciudad Acuña is nearest.
    const bigBend = { lat: 29.25, lon: -103.25 };
    expect(mechanisms.every((m) => distanceKm(bigBend, m.centre) > m.radiusKm)).toBe(true);
    expect(responsibleMechanism(bigBend, mechanisms)).toBe('del-rio-ciudad-acuna');
  });

  it('prefers a reach that holds the point over a nearer centre whose reach does not', () => {
    const wide = { id: 'wide', centre: { lat: 30, lon: -100 }, radiusKm: 200 };
    const near = { id: 'near', centre: { lat: 30.5, lon: -101 }, radiusKm: 1 };
    expect(responsibleMechanism({ lat: 30.4, lon: -100.8 }, [wide, near])).toBe('wide');
    expect(responsibleMechanism({ lat: 30.4, lon: -100.8 }, [])).toBeNull();
  });

  it('assigns both at once', () => {
    expect(assignFromGeometry({ lat: 32.69, lon: -115.2 }, areas, mechanisms)).toEqual({
      mechanismId: 'calexico-mexicali',
      areaIds: ['all-american-canal'],
    });
  });

  it('keeps the reference file’s sources on every seeded record', () => {
    const reference = JSON.parse(readFileSync(new URL('../../seeds/border-reference.json', import.meta.url), 'utf8'));
    expect(reference.portsOfEntry).toHaveLength(29);
    expect(areaRows().every((a) => a.sources.length > 0)).toBe(true);
  });
});
