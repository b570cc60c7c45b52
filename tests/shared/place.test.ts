import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { borderTowns } from '@shared/reference/border-towns.js';
import {
  borderSideOf,
  compassPoint,
  describePlace,
  localTimeZone,
  mechanismName,
  nearestTown,
  type PlaceGeography,
} from '@shared/reference/place.js';
import { portRows } from '@seeds/reference.js';

interface Located {
  lat: number;
  lon: number;
}
const reference = JSON.parse(readFileSync('seeds/border-reference.json', 'utf8')) as {
  portsOfEntry: Array<{ usSide: Located; mxSide: Located }>;
  borderLiaisonMechanisms: { pairs: Array<{ usCityLocation: Located; mxCityLocation: Located }> };
  grupoBeta: { units: Array<{ location: Located }> };
};

const latLonOf = (p: { x: number; y: number }) => ({ lat: p.y, lon: p.x });
const ports: PlaceGeography['ports'] = portRows().map((p) => ({
  usLocation: latLonOf(p.usLocation),
  mxLocation: latLonOf(p.mxLocation),
  usTimeZone: p.usTimeZone,
  mxTimeZone: p.mxTimeZone,
}));

describe('places in words', () => {
  it('takes every border town’s position from the reference data', () => {
    const known = [
      ...reference.portsOfEntry.flatMap((p) => [p.usSide, p.mxSide]),
      ...reference.borderLiaisonMechanisms.pairs.flatMap((m) => [m.usCityLocation, m.mxCityLocation]),
      ...reference.grupoBeta.units.map((u) => u.location),
    ];
    for (const town of borderTowns) {
      expect(
        known.some((p) => p.lat === town.lat && p.lon === town.lon),
        town.name,
      ).toBe(true);
    }
  });

  it.each([
    ['north', { lat: 33, lon: -117 }, 'N'],
    ['east', { lat: 32.5, lon: -116 }, 'E'],
    ['south-west', { lat: 32, lon: -117.6 }, 'SW'],
    ['north-west', { lat: 33, lon: -117.6 }, 'NW'],
  ] as const)('names the compass point %s', (_name, to, point) => {
    expect(compassPoint({ lat: 32.5, lon: -117 }, to)).toBe(point);
  });

  it('describes a place by the nearest town, whole kilometres and the direction from it', () => {
    // East of Tecate along the line: Tecate, CA is the nearest town.
    expect(nearestTown({ lat: 32.58, lon: -116.53 })).toEqual({
      town: 'Tecate, CA',
      country: 'US',
      km: 9,
      direction: 'E',
    });
    expect(nearestTown({ lat: 32.617, lon: -116.19 })).toMatchObject({ town: 'Tecate, CA', direction: 'E' });
    expect(nearestTown({ lat: 25.87, lon: -97.503 })).toMatchObject({ town: 'Matamoros', km: 0 });
  });

  it('tells the side of the border from the line through the ports', () => {
    expect(borderSideOf({ lat: 32.7157, lon: -117.1611 }, ports)).toBe('US'); // San Diego
    expect(borderSideOf({ lat: 32.5149, lon: -117.0382 }, ports)).toBe('MX'); // Tijuana
    expect(borderSideOf({ lat: 31.62, lon: -106.4 }, ports)).toBe('MX'); // south Ciudad Juárez
    expect(borderSideOf({ lat: 31.85, lon: -106.43 }, ports)).toBe('US'); // north-east El Paso
    expect(borderSideOf({ lat: 31.9, lon: -112.0 }, ports)).toBe('US'); // Tohono O'odham Nation, Arizona
    expect(borderSideOf({ lat: 31.2, lon: -112.0 }, ports)).toBe('MX'); // Altar desert, Sonora
  });

  it('takes the local clock from the nearest port on the same side', () => {
    expect(localTimeZone({ lat: 31.9, lon: -112.0 }, ports)).toBe('America/Phoenix');
    expect(localTimeZone({ lat: 31.2, lon: -112.0 }, ports)).toBe('America/Hermosillo');
    expect(localTimeZone({ lat: 32.5149, lon: -117.0382 }, ports)).toBe('America/Tijuana');
    expect(localTimeZone({ lat: 28.9, lon: -101.0 }, ports)).toBe('America/Matamoros'); // Coahuila
    expect(localTimeZone({ lat: 29.6, lon: -101.0 }, ports)).toBe('America/Chicago'); // Val Verde County, Texas
  });

  it('names a mechanism by its sister cities, each language its own side first, without the data’s notes', () => {
    expect(
      mechanismName({ id: 'x', usCity: 'El Paso (also New Mexico)', mxCity: 'Ciudad Juárez (Chihuahua)' }),
    ).toEqual({ en: 'El Paso – Ciudad Juárez', es: 'Ciudad Juárez – El Paso' });
    expect(mechanismName({ id: 'y', usCity: 'Chicago', mxCity: null })).toEqual({ en: 'Chicago', es: 'Chicago' });
  });

  it('describes an incident: its mechanism, areas, nearest town and local zone (the mechanism’s own when it has one)', () => {
    const geography: PlaceGeography = {
      ports,
      areas: [
        { id: 'all-american-canal', name: { en: 'All-American Canal', es: 'Canal Todo Americano' } },
        { id: 'elsewhere', name: { en: 'Elsewhere', es: 'Otro lugar' } },
      ],
      mechanisms: [{ id: 'calexico-mexicali', usCity: 'Calexico', mxCity: 'Mexicali' }],
    };
    const incident = {
      location: { lat: 32.69, lon: -115.2 },
      mechanismId: 'calexico-mexicali',
      areaIds: ['all-american-canal'],
    };
    expect(describePlace(incident, geography)).toEqual({
      timeZone: 'America/Los_Angeles',
      mechanism: { id: 'calexico-mexicali', name: { en: 'Calexico – Mexicali', es: 'Mexicali – Calexico' } },
      areas: [{ id: 'all-american-canal', name: { en: 'All-American Canal', es: 'Canal Todo Americano' } }],
      nearest: { town: 'Calexico', country: 'US', km: 28, direction: 'E' },
    });
    const withZone = { ...geography, mechanisms: [{ ...geography.mechanisms[0]!, timeZone: 'America/Tijuana' }] };
    expect(describePlace(incident, withZone).timeZone).toBe('America/Tijuana');
  });
});
