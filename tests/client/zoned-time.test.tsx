import { describe, expect, it } from 'vitest';
import { formatDateField, parseDateField, parseTimeField, formatTimeField } from '@client/lib/local-time.js';
import { formatClockIn, formatDateTimeIn, zoneAbbreviation, zoneName } from '@client/lib/zoned-time.js';

const july = new Date('2026-07-04T21:30:00Z');
const january = new Date('2026-01-04T21:30:00Z');

describe('times in a named zone', () => {
  it.each([
    ['America/Tijuana', july, 'PDT'],
    ['America/Tijuana', january, 'PST'],
    ['America/Phoenix', july, 'MST'],
    ['America/Matamoros', july, 'CDT'],
    // Sonora has no abbreviation of its own in use: its offset.
    ['America/Hermosillo', july, 'UTC−7'],
  ])('abbreviates %s at %s as %s', (zone, at, abbreviation) => {
    expect(zoneAbbreviation(zone, at)).toBe(abbreviation);
  });

  it('names zones for readers, never by their IANA id', () => {
    expect(zoneName('America/Tijuana', july, 'en')).toBe('Pacific Time');
    expect(zoneName('America/Tijuana', july, 'es')).toBe('hora del Pacífico');
    expect(zoneName('Etc/UTC', july, 'es')).toBe('UTC');
  });

  it('writes 12-hour English and 24-hour Spanish, always with the zone', () => {
    expect(formatClockIn(july.toISOString(), 'America/Tijuana', 'en')).toMatch(/^2:30\sPM PDT$/);
    expect(formatClockIn(july.toISOString(), 'America/Tijuana', 'es')).toBe('14:30 PDT');
    expect(formatDateTimeIn(july.toISOString(), 'America/Matamoros', 'es')).toBe('4 jul 2026, 16:30 CDT');
  });
});

describe('dates and times typed in the reader’s language', () => {
  it('reads the day first in Spanish and the month first in English, refusing dates that don’t exist', () => {
    expect(parseDateField('04/07/2026', 'es')).toBe('2026-07-04');
    expect(parseDateField('4/7/2026', 'en')).toBe('2026-04-07');
    expect(parseDateField('31/02/2026', 'es')).toBeNull();
    expect(parseDateField('2026-07-04', 'es')).toBeNull();
    expect(formatDateField('2026-07-04', 'es')).toBe('04/07/2026');
    expect(formatDateField('2026-07-04', 'en')).toBe('07/04/2026');
  });

  it('reads 24-hour and AM/PM times', () => {
    expect(parseTimeField('14:30')).toBe('14:30');
    expect(parseTimeField('2:30 PM')).toBe('14:30');
    expect(parseTimeField('12:05 a.m.')).toBe('00:05');
    expect(parseTimeField('2 pm')).toBe('14:00');
    expect(parseTimeField('24:00')).toBeNull();
    expect(parseTimeField('14')).toBeNull();
    expect(formatTimeField('14:30', 'en')).toBe('2:30 PM');
    expect(formatTimeField('00:05', 'en')).toBe('12:05 AM');
    expect(formatTimeField('09:05', 'es')).toBe('09:05');
  });
});
