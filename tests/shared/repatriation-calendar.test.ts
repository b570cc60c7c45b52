import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  windowsCalendar,
  type CalendarArrangement,
  type CalendarPort,
} from '@server/features/repatriation/calendar.js';
import { expandWindows } from '@shared/repatriation/windows.js';

const tijuana: CalendarPort = {
  id: 'san-ysidro',
  usName: 'San Ysidro',
  mxName: 'Tijuana',
  mxTimeZone: 'America/Tijuana',
};
const nogales: CalendarPort = { id: 'nogales', usName: 'Nogales', mxName: 'Nogales', mxTimeZone: 'America/Hermosillo' };

const arrangement = (overrides: Partial<CalendarArrangement> = {}): CalendarArrangement & { id: string } => ({
  id: 'arr-west',
  name: 'Baja California – Sonora (illustrative)',
  version: 4,
  illustrative: true,
  updatedAt: '2026-02-20T17:30:00Z',
  // Across the spring-forward night: 01:00–05:00 is three hours on 8 March at Tijuana.
  windows: [
    { days: [1, 2, 3, 4, 5], start: '06:00', end: '20:00' },
    { days: [6, 7], start: '01:00', end: '05:00' },
  ],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  ...overrides,
});

/** Parses with ical.js (an independent parser), resolving TZIDs through the feed's own VTIMEZONEs. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => ({
      vevent,
      event: new ICAL.Event(vevent),
      start: new ICAL.Event(vevent).startDate.toUnixTime() * 1000,
      end: new ICAL.Event(vevent).endDate.toUnixTime() * 1000,
    })),
  };
}

const range = { from: '2026-03-02T00:00:00Z', to: '2026-03-16T00:00:00Z' };

describe('repatriation calendar feed', () => {
  it('has one event per window, whose instants match the expanded windows across the DST change', () => {
    const ics = windowsCalendar({ arrangement: arrangement(), ports: [tijuana, nogales], ...range });
    const { events } = parse(ics);
    const expected = [tijuana, nogales].flatMap((port) => expandWindows(arrangement(), port, range.from, range.to));
    expect(events.map((e) => [e.start, e.end]).sort()).toEqual(
      expected.map((w) => [Date.parse(w.start), Date.parse(w.end)]).sort(),
    );
    const springNight = events.find(
      (e) =>
        e.vevent.getFirstPropertyValue('uid') ===
        'repatriation-arr-west-san-ysidro-20260308T0100@border-operations-console',
    );
    expect((springNight!.end - springNight!.start) / 3_600_000).toBe(3);
  });

  it('writes DTSTART at the port’s wall clock under its TZID, with a VTIMEZONE for each zone', () => {
    const { calendar, events } = parse(
      windowsCalendar({ arrangement: arrangement(), ports: [tijuana, nogales], ...range }),
    );
    expect(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((tz) => tz.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['America/Hermosillo', 'America/Tijuana']);
    for (const { event, vevent } of events) {
      const zone = vevent.getFirstProperty('dtstart')!.getParameter('tzid') as string;
      const wallClock = Temporal.Instant.fromEpochMilliseconds(event.startDate.toUnixTime() * 1000).toZonedDateTimeISO(
        zone,
      );
      expect([event.startDate.hour, event.startDate.minute]).toEqual([wallClock.hour, wallClock.minute]);
      expect(['06:00', '01:00']).toContain(
        `${String(event.startDate.hour).padStart(2, '0')}:${String(event.startDate.minute).padStart(2, '0')}`,
      );
    }
  });

  it('marks events transparent, versioned, located and described in both languages', () => {
    const { events } = parse(windowsCalendar({ arrangement: arrangement(), ports: [tijuana], ...range }));
    const { vevent } = events.find(
      (e) =>
        e.vevent.getFirstPropertyValue('uid') ===
        'repatriation-arr-west-san-ysidro-20260304T0600@border-operations-console',
    )!;
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(4);
    expect(vevent.getFirstPropertyValue('location')).toBe('San Ysidro – Tijuana');
    expect(vevent.getFirstPropertyValue('summary')).toBe(
      'Repatriation window · Ventana de repatriación — San Ysidro – Tijuana',
    );
    const description = vevent.getFirstPropertyValue('description') as string;
    expect(description).toContain('Unaccompanied minors, pregnant women and ill persons: 08:00–18:00 PST only.');
    expect(description).toContain(
      'Menores no acompañados, mujeres embarazadas y personas enfermas: solo 08:00–18:00 PST.',
    );
    expect(description).toContain('Horario ilustrativo');
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()).toBe('2026-02-20T17:30:00Z');
  });

  it('keeps UIDs stable across regenerations and ranges, and bumps SEQUENCE with the version', () => {
    const uids = (ics: string) => parse(ics).events.map((e) => e.vevent.getFirstPropertyValue('uid') as string);
    const week = uids(
      windowsCalendar({ arrangement: arrangement(), ports: [tijuana], from: range.from, to: '2026-03-09T00:00:00Z' }),
    );
    const fortnight = uids(windowsCalendar({ arrangement: arrangement({ version: 5 }), ports: [tijuana], ...range }));
    expect(new Set(fortnight).size).toBe(fortnight.length);
    expect(fortnight).toEqual(expect.arrayContaining(week));
    expect(
      parse(
        windowsCalendar({ arrangement: arrangement({ version: 5 }), ports: [tijuana], ...range }),
      ).events[0]!.vevent.getFirstPropertyValue('sequence'),
    ).toBe(5);
  });

  it('writes UTC times for a zone the VTIMEZONE library cannot describe under its own name', () => {
    // America/Ensenada is an alias the library answers with Tijuana's TZID.
    const ensenada = { ...tijuana, mxTimeZone: 'America/Ensenada' };
    const { calendar, events } = parse(windowsCalendar({ arrangement: arrangement(), ports: [ensenada], ...range }));
    expect(calendar.getAllSubcomponents('vtimezone')).toEqual([]);
    expect(events[0]!.event.startDate.zone?.tzid).toBe('UTC');
    const expected = expandWindows(arrangement(), ensenada, range.from, range.to);
    expect(events.map((e) => e.start)).toEqual(expected.map((w) => Date.parse(w.start)));
  });
});
