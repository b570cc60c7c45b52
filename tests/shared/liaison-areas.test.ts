import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blmIds, interiorMechanisms, mechanismTimeZones } from '@seeds/liaison/mechanisms.js';
import { borderBand, mechanismAreas } from '@seeds/liaison/mechanism-areas.js';
import { areaBody } from '@shared/liaison/contract.js';
import { responsibleMechanismFor } from '@shared/geo.js';

const seeded = mechanismAreas();
const areas = seeded.map((a) => ({ mechanismId: a.mechanismId, area: a.area }));
const band = borderBand();
const reference = JSON.parse(readFileSync(new URL('../../seeds/border-reference.json', import.meta.url), 'utf8')) as {
  borderLiaisonMechanisms: {
    pairs: Array<{
      id: string;
      usCityLocation: { lat: number; lon: number };
      mxCityLocation: { lat: number; lon: number };
    }>;
  };
};

describe('mechanism areas', () => {
  it('gives each of the ten BLMs of the reference, and each illustrative ICM, one simple polygon marked approximate', () => {
    expect(blmIds).toEqual(reference.borderLiaisonMechanisms.pairs.map((p) => p.id));
    expect(seeded.map((a) => a.mechanismId)).toEqual([...blmIds, ...interiorMechanisms.map((m) => m.id)]);
    for (const a of seeded) {
      expect(a.approx).toBe(true);
      expect(a.area.type).toBe('Polygon');
      expect(a.area.coordinates).toHaveLength(1);
      expect(kinks(a.area).features).toEqual([]);
      expect(areaBody.safeParse({ area: a.area }).success, a.mechanismId).toBe(true);
      expect(mechanismTimeZones[a.mechanismId]).toBeTruthy();
    }
    expect(new Set(seeded.filter((a) => a.method === 'border_band_partition').map((a) => a.mechanismId))).toEqual(
      new Set(blmIds),
    );
  });

  it('puts both sister cities of every BLM inside its own area', () => {
    for (const pair of reference.borderLiaisonMechanisms.pairs) {
      for (const city of [pair.usCityLocation, pair.mxCityLocation])
        expect(responsibleMechanismFor(city, areas), pair.id).toEqual({ mechanismId: pair.id, how: 'contains' });
    }
  });

  it('gives Jacumba (San Diego County) to San Diego–Tijuana, not to the nearer-looking Calexico–Mexicali', () => {
    expect(responsibleMechanismFor({ lat: 32.617, lon: -116.19 }, areas)).toEqual({
      mechanismId: 'san-diego-tijuana',
      how: 'contains',
    });
  });

  it('cuts at the San Diego–Imperial county line, near 116.10° W', () => {
    expect(responsibleMechanismFor({ lat: 32.64, lon: -116.12 }, areas)?.mechanismId).toBe('san-diego-tijuana');
    expect(responsibleMechanismFor({ lat: 32.64, lon: -116.08 }, areas)?.mechanismId).toBe('calexico-mexicali');
  });

  it('gives the Calexico drop of the All-American Canal to Calexico–Mexicali', () => {
    expect(responsibleMechanismFor({ lat: 32.675, lon: -115.36 }, areas)).toEqual({
      mechanismId: 'calexico-mexicali',
      how: 'contains',
    });
  });

  it('answers for the Sonoran desert far from any city, inside the band', () => {
    expect(responsibleMechanismFor({ lat: 32.0, lon: -113.0 }, areas)).toEqual({
      mechanismId: 'nogales-nogales',
      how: 'contains',
    });
  });

  it('answers outside the band with the nearest area and how far it is', () => {
    const albuquerque = responsibleMechanismFor({ lat: 35.08, lon: -106.65 }, areas);
    expect(albuquerque).toMatchObject({ mechanismId: 'el-paso-ciudad-juarez', how: 'nearest' });
    expect(albuquerque?.how === 'nearest' && albuquerque.distanceKm).toBeGreaterThan(200);
    expect(albuquerque?.how === 'nearest' && albuquerque.distanceKm).toBeLessThan(350);
    const monterrey = responsibleMechanismFor({ lat: 25.67, lon: -100.31 }, areas);
    expect(monterrey?.how).toBe('nearest');
    expect(responsibleMechanismFor({ lat: 41.88, lon: -87.63 }, areas)).toEqual({
      mechanismId: 'icm-chicago',
      how: 'contains',
    });
    expect(responsibleMechanismFor({ lat: 30, lon: -100 }, [])).toBeNull();
  });

  it('holds every point of the band in exactly one BLM area', () => {
    const [west, south, east, north] = [-118.3, 24.8, -96.0, 33.8];
    const blmAreas = areas.filter((a) => (blmIds as string[]).includes(a.mechanismId));
    const inBand = fc
      .record({
        lon: fc.double({ min: west, max: east, noNaN: true }),
        lat: fc.double({ min: south, max: north, noNaN: true }),
      })
      .filter((p) => booleanPointInPolygon([p.lon, p.lat], band));
    fc.assert(
      fc.property(inBand, (p) => {
        expect(
          blmAreas.filter((a) => booleanPointInPolygon([p.lon, p.lat], a.area)).map((a) => a.mechanismId),
        ).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });
});
