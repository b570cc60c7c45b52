import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areasContaining, assignFromGeometry, distanceToLineKm, responsibleMechanismFor } from '@shared/geo.js';
import { borderDistanceRefusal } from '@shared/incidents/rules.js';
import { usMexicoBorderLine } from '@shared/reference/border-line.js';
import { borderLine, mechanismAreas } from '@seeds/liaison/mechanism-areas.js';
import { areaRows } from '@seeds/reference.js';

const areas = areaRows().map((a) => ({ id: a.id, geometry: a.geometry }));
const mechanisms = mechanismAreas().map(({ mechanismId, area }) => ({ mechanismId, area }));

describe('geometry assignment', () => {
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

  it('assigns the mechanism whose area holds the point', () => {
    expect(responsibleMechanismFor({ lat: 32.54, lon: -117.03 }, mechanisms)?.mechanismId).toBe('san-diego-tijuana');
    expect(responsibleMechanismFor({ lat: 31.76, lon: -106.45 }, mechanisms)?.mechanismId).toBe(
      'el-paso-ciudad-juarez',
    );
    expect(responsibleMechanismFor({ lat: 27.5, lon: -99.5 }, mechanisms)?.mechanismId).toBe('laredo-nuevo-laredo');
    expect(responsibleMechanismFor({ lat: 25.9, lon: -97.5 }, mechanisms)?.mechanismId).toBe('brownsville-matamoros');
  });

  it('gives Jacumba, in San Diego County, to San Diego – Tijuana (the 80 km circles gave it to Calexico)', () => {
    expect(responsibleMechanismFor({ lat: 32.617, lon: -116.19 }, mechanisms)).toEqual({
      mechanismId: 'san-diego-tijuana',
      how: 'contains',
    });
  });

  it('covers Big Bend, far from every sister city, by an area rather than by distance', () => {
    expect(responsibleMechanismFor({ lat: 29.25, lon: -103.25 }, mechanisms)).toEqual({
      mechanismId: 'del-rio-ciudad-acuna',
      how: 'contains',
    });
  });

  it('assigns both at once', () => {
    expect(assignFromGeometry({ lat: 32.69, lon: -115.2 }, areas, mechanisms)).toEqual({
      mechanismId: 'calexico-mexicali',
      areaIds: ['all-american-canal'],
    });
    expect(assignFromGeometry({ lat: 32.69, lon: -115.2 }, areas, [])).toEqual({
      mechanismId: null,
      areaIds: ['all-american-canal'],
    });
  });

  it('keeps the reference file’s sources on every seeded record', () => {
    const reference = JSON.parse(readFileSync(new URL('../../seeds/border-reference.json', import.meta.url), 'utf8'));
    expect(reference.portsOfEntry).toHaveLength(29);
    expect(areaRows().every((a) => a.sources.length > 0)).toBe(true);
  });
});

describe('distance from the US–Mexico line', () => {
  it('is the line the liaison areas are built from (Natural Earth 1:50m), to 4 decimals', () => {
    const source = borderLine();
    expect(usMexicoBorderLine).toHaveLength(source.length);
    const off = usMexicoBorderLine.flatMap(([lon, lat], i) =>
      Math.abs(lon - source[i]![0]!) > 5e-5 || Math.abs(lat - source[i]![1]!) > 5e-5 ? [i] : [],
    );
    expect(off).toEqual([]);
  });

  it('measures kilometres to the nearest point of the line, and refuses a report past the limit', () => {
    expect(distanceToLineKm({ lat: 32.54, lon: -117.03 }, usMexicoBorderLine)).toBeLessThan(1); // Tijuana
    expect(distanceToLineKm({ lat: 25.67, lon: -100.31 }, usMexicoBorderLine)).toBeCloseTo(148, -1); // Monterrey
    expect(distanceToLineKm({ lat: 35.08, lon: -106.65 }, usMexicoBorderLine)).toBeCloseTo(368, -1); // Albuquerque
    expect(borderDistanceRefusal({ lat: 25.67, lon: -100.31 }, 300)).toBeNull();
    expect(borderDistanceRefusal({ lat: 35.08, lon: -106.65 }, 300)).toEqual({ km: 368, maxKm: 300 });
    expect(borderDistanceRefusal({ lat: 35.08, lon: -106.65 }, 400)).toBeNull();
    expect(borderDistanceRefusal({ lat: 0, lon: 0 }, 300)!.km).toBeGreaterThan(10_000);
  });
});
