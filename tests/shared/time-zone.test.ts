import { describe, expect, it } from 'vitest';
import { languages } from '@shared/i18n/index.js';
import { formatClockRange, formatWhen, formatWindow } from '@shared/repatriation/messages.js';
import { zoneAbbreviation, zoneName } from '@shared/time-zone.js';
import { mechanismTimeZones } from '@seeds/liaison/mechanisms.js';
import { portRows, stationRows } from '@seeds/reference.js';

/** Every zone the seeded data keeps a clock in: ports (both sides), stations, mechanisms (interior ones too). */
const seededZones = [
  ...new Set([
    ...portRows().flatMap((p) => [p.usTimeZone, p.mxTimeZone]),
    ...stationRows().map((s) => s.timeZone),
    ...Object.values(mechanismTimeZones),
  ]),
].sort();
/** And the Mexican zones next to them that a place or a viewer may be in. */
const zones = [...new Set([...seededZones, 'America/Chihuahua', 'America/Monterrey', 'America/Mazatlan'])];

const seasons = { winter: Date.parse('2026-01-15T19:00:00Z'), summer: Date.parse('2026-07-15T19:00:00Z') };
const HOUR = 3_600_000;

describe('one spelling per zone (issue 23)', () => {
  it('covers the zones of the seeded ports', () => {
    expect(seededZones).toEqual(
      expect.arrayContaining([
        'America/Tijuana',
        'America/Los_Angeles',
        'America/Phoenix',
        'America/Hermosillo',
        'America/Denver',
        'America/Ojinaga',
        'America/Ciudad_Juarez',
        'America/Chicago',
        'America/Matamoros',
      ]),
    );
  });

  it.each([
    ['America/Tijuana', 'PST', 'PDT'],
    ['America/Los_Angeles', 'PST', 'PDT'],
    ['America/Phoenix', 'MST', 'MST'],
    // Sonora keeps UTC−7 all year and has no abbreviation in the time-zone data: never "GMT-7".
    ['America/Hermosillo', 'UTC−7', 'UTC−7'],
    ['America/Denver', 'MST', 'MDT'],
    ['America/Ciudad_Juarez', 'MST', 'MDT'],
    ['America/Ojinaga', 'CST', 'CDT'],
    ['America/Chihuahua', 'CST', 'CST'],
    ['America/Chicago', 'CST', 'CDT'],
    ['America/Matamoros', 'CST', 'CDT'],
    ['America/Monterrey', 'CST', 'CST'],
  ])('writes %s as %s in winter and %s in summer', (zone, winter, summer) => {
    expect(zoneAbbreviation(zone, seasons.winter)).toBe(winter);
    expect(zoneAbbreviation(zone, new Date(seasons.summer))).toBe(summer);
  });

  describe.each(zones)('%s', (zone) => {
    it.each(Object.entries(seasons))('reads alike in every formatter and both languages (%s)', (_season, at) => {
      const spelling = zoneAbbreviation(zone, at);
      expect(spelling).toMatch(/^(?:[PMCE][SD]T|UTC[+−]\d{1,2}(?::\d\d)?)$/);
      for (const language of languages) {
        expect(formatWhen(at, zone, language)).toMatch(new RegExp(` ${spelling}$`));
        expect(formatClockRange(at, at + HOUR, zone, language)).toMatch(new RegExp(`\\d ${spelling}$`));
        expect(formatWindow(at, at + HOUR, zone, language)).toMatch(new RegExp(`\\d ${spelling}$`));
        const name = zoneName(zone, at, language);
        if (spelling.startsWith('UTC')) expect(name).toBe(spelling);
        else {
          // The abbreviation spelled out: "Pacific Daylight Time" for PDT, "hora estándar central" for CST.
          const [, daylight] = spelling;
          expect(name).toMatch(
            language === 'en'
              ? new RegExp(`^(Pacific|Mountain|Central|Eastern) ${daylight === 'D' ? 'Daylight' : 'Standard'} Time$`)
              : new RegExp(
                  `^hora ${daylight === 'D' ? 'de verano' : 'estándar'} (del Pacífico|de la montaña|central|oriental)$`,
                ),
          );
        }
        expect(name).not.toMatch(/GMT|Mexican|México/);
      }
    });
  });
});
