import { render, renderHook, screen } from '@testing-library/react';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatDateField, parseDateField, parseTimeField, formatTimeField } from '@client/lib/local-time.js';
import { useZonedTime } from '@client/features/liaison/hooks/use-zoned-time.js';
import { SideClocks } from '@client/features/reference/components/side-clocks.js';
import { I18nProvider } from '@client/lib/i18n.js';
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

  it('names zones for readers, never by their IANA id, as their abbreviation spelled out', () => {
    expect(zoneName('America/Tijuana', july, 'en')).toBe('Pacific Daylight Time');
    expect(zoneName('America/Tijuana', january, 'es')).toBe('hora estándar del Pacífico');
    // No "Mexican Pacific Standard Time" beside a UTC−7 clock.
    expect(zoneName('America/Hermosillo', july, 'en')).toBe('UTC−7');
    expect(zoneName('America/Hermosillo', january, 'es')).toBe('UTC−7');
  });

  describe.each(['America/Tijuana', 'America/Phoenix', 'America/Hermosillo', 'America/Ojinaga', 'America/Matamoros'])(
    'one spelling of %s on every screen (issue 23)',
    (zone) => {
      it.each([
        ['en', july],
        ['es', july],
        ['en', january],
        ['es', january],
      ] as const)('%s, %s', (language, at) => {
        const spelling = zoneAbbreviation(zone, at);
        const iso = at.toISOString();
        const { result } = renderHook(() => useZonedTime(), {
          wrapper: ({ children }) => <I18nProvider initialLanguage={language}>{children}</I18nProvider>,
        });
        const local = Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDateTime().toString().slice(0, 16);
        // Incident page, feed, popups (ZonedTime and the port's clocks) and who to call write the same.
        for (const written of [
          formatClockIn(iso, zone, language),
          formatDateTimeIn(iso, zone, language),
          result.current.clock(iso, zone),
          result.current.wallClock(local, zone),
        ])
          expect(written).toMatch(new RegExp(`(\\d|[AP]M) ${spelling}$`));
        const viewer = result.current.viewerClock(iso, zone);
        if (viewer) expect(viewer).toMatch(/(\d|[AP]M) P[DS]T$/); // the tests' browser is in Tijuana
        expect(spelling).not.toMatch(/GMT/);
      });
    },
  );

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

describe('both sides of a port', () => {
  const at = '2026-07-04T17:51:00Z';
  const show = (port: { usTimeZone: string; mxTimeZone: string }, iso = at) =>
    render(
      <I18nProvider initialLanguage="en">
        <SideClocks iso={iso} port={port} />
      </I18nProvider>,
    ).container.textContent;

  it("shows one time where both sides' clocks read the same, however each zone is written", () => {
    // Nogales: Arizona's MST and Sonora's UTC−7 are the same clock all year.
    const text = show({ usTimeZone: 'America/Phoenix', mxTimeZone: 'America/Hermosillo' });
    expect(text).toContain('10:51 AM MST');
    expect(text).not.toContain('UTC−7');
  });

  it("shows each side's time where they differ", () => {
    // In winter California is UTC−8 and Sonora UTC−7.
    const text = show({ usTimeZone: 'America/Los_Angeles', mxTimeZone: 'America/Hermosillo' }, '2026-01-04T17:51:00Z');
    expect(screen.getByText(/9:51 AM PST/)).toBeTruthy();
    expect(text).toMatch(/10:51 AM UTC−7/);
  });
});
