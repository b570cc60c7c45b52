import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { expandWindowSpans, expandWindows, formatInSpan, instantMs } from '@shared/repatriation/windows.js';
import { californiaArrangement } from './repatriation-factories.js';

const HOUR = 3_600_000;
const durationHours = (w: { start: string; end: string }) => (Date.parse(w.end) - Date.parse(w.start)) / HOUR;
const port = (mxTimeZone: string) => ({ id: 'port', mxTimeZone });
const daily = (start: string, end: string, extra: Partial<ReturnType<typeof californiaArrangement>> = {}) =>
  californiaArrangement({ windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start, end }], ...extra });

/** The 2026 changes of offset in `zone`, read from the time-zone data (none for zones without daylight saving). */
function transitions2026(zone: string) {
  const found: Temporal.ZonedDateTime[] = [];
  let next = Temporal.ZonedDateTime.from({ year: 2026, month: 1, day: 1, timeZone: zone }).getTimeZoneTransition(
    'next',
  );
  while (next && next.year === 2026) {
    found.push(next);
    next = next.getTimeZoneTransition('next');
  }
  return found;
}

/** Windows whose local start date is `date`, for a daily rule, in `zone`. */
function windowOn(arrangement: ReturnType<typeof californiaArrangement>, zone: string, date: Temporal.PlainDate) {
  const from = date.toZonedDateTime({ timeZone: zone }).toInstant().toString();
  const to = date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).toInstant().toString();
  return expandWindows(arrangement, port(zone), from, to).filter((w) =>
    Temporal.ZonedDateTime.from(`${w.start}[${zone}]`).toPlainDate().equals(date),
  );
}

describe('window expansion', () => {
  it('writes each occurrence with the port’s UTC offset, with its daylight part', () => {
    const windows = expandWindows(
      daily('06:00', '22:00'),
      port('America/Tijuana'),
      '2026-06-10T00:00:00-07:00',
      '2026-06-12T00:00:00-07:00',
    );
    expect(windows).toEqual([
      {
        portId: 'port',
        arrangementId: 'arr-california',
        start: '2026-06-10T06:00:00-07:00',
        end: '2026-06-10T22:00:00-07:00',
        vulnerableStart: '2026-06-10T08:00:00-07:00',
        vulnerableEnd: '2026-06-10T18:00:00-07:00',
      },
      {
        portId: 'port',
        arrangementId: 'arr-california',
        start: '2026-06-11T06:00:00-07:00',
        end: '2026-06-11T22:00:00-07:00',
        vulnerableStart: '2026-06-11T08:00:00-07:00',
        vulnerableEnd: '2026-06-11T18:00:00-07:00',
      },
    ]);
  });

  it('keeps only the weekdays of each window and sorts occurrences of several windows', () => {
    const arrangement = californiaArrangement({
      windows: [
        { days: [3], start: '14:00', end: '16:00' },
        { days: [3, 4], start: '07:00', end: '09:00' },
      ],
    });
    // Monday 8 to Monday 15 June 2026.
    const windows = expandWindows(
      arrangement,
      port('America/Tijuana'),
      '2026-06-08T00:00:00-07:00',
      '2026-06-15T00:00:00-07:00',
    );
    expect(windows.map((w) => w.start)).toEqual([
      '2026-06-10T07:00:00-07:00',
      '2026-06-10T14:00:00-07:00',
      '2026-06-11T07:00:00-07:00',
    ]);
  });

  it('runs a window past midnight and gives it to the day it starts', () => {
    const arrangement = californiaArrangement({ windows: [{ days: [5], start: '22:00', end: '06:00' }] });
    // Saturday 13 June 03:00 is inside Friday's window.
    const windows = expandWindows(
      arrangement,
      port('America/Tijuana'),
      '2026-06-13T03:00:00-07:00',
      '2026-06-14T00:00:00-07:00',
    );
    expect(windows).toEqual([
      expect.objectContaining({
        start: '2026-06-12T22:00:00-07:00',
        end: '2026-06-13T06:00:00-07:00',
        vulnerableStart: null,
        vulnerableEnd: null,
      }),
    ]);
  });

  it('reads an equal start and end as a whole day', () => {
    const [window] = expandWindows(
      californiaArrangement({ windows: [{ days: [3], start: '00:00', end: '00:00' }] }),
      port('America/Tijuana'),
      '2026-06-10T00:00:00-07:00',
      '2026-06-11T00:00:00-07:00',
    );
    expect(window).toMatchObject({ start: '2026-06-10T00:00:00-07:00', end: '2026-06-11T00:00:00-07:00' });
  });

  it('gives the daylight part where the window and the daylight window meet, null where they do not', () => {
    const [evening] = expandWindows(
      daily('17:00', '23:00'),
      port('America/Tijuana'),
      '2026-06-10T12:00:00-07:00',
      '2026-06-10T23:00:00-07:00',
    );
    expect(evening).toMatchObject({
      vulnerableStart: '2026-06-10T17:00:00-07:00',
      vulnerableEnd: '2026-06-10T18:00:00-07:00',
    });
    const [night] = expandWindows(
      daily('19:00', '05:00'),
      port('America/Tijuana'),
      '2026-06-10T20:00:00-07:00',
      '2026-06-10T21:00:00-07:00',
    );
    expect(night).toMatchObject({ vulnerableStart: null, vulnerableEnd: null });
  });

  it('reads the windows at the arrangement’s own zone when it names one', () => {
    // Matamoros keeps U.S. daylight saving; Monterrey has not since 2022: an hour apart in summer.
    const range = ['2026-07-01T12:00:00Z', '2026-07-01T20:00:00Z'] as const;
    const [atPort] = expandWindows(daily('08:00', '20:00'), port('America/Matamoros'), ...range);
    const [atZone] = expandWindows(
      daily('08:00', '20:00', { timeZone: 'America/Monterrey' }),
      port('America/Matamoros'),
      ...range,
    );
    expect(atPort!.start).toBe('2026-07-01T08:00:00-05:00');
    expect(atZone!.start).toBe('2026-07-01T08:00:00-06:00');
  });
});

describe('instants inside an occurrence', () => {
  it('are written with the offset the zone data gives at each instant, across a change inside the occurrence', () => {
    const zone = 'America/Tijuana';
    const [night] = expandWindowSpans(
      daily('22:00', '06:00'),
      port(zone),
      Date.parse('2026-11-01T05:00:00Z'),
      Date.parse('2026-11-01T06:00:00Z'),
    );
    for (let at = night!.start; at < night!.end; at += 7 * 60_000 + 123) {
      expect(formatInSpan(at, night!)).toBe(
        Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never' }),
      );
    }
  });

  it('are read from any precision the contract accepts', () => {
    expect(instantMs('2026-06-10T10:00:00-07:00')).toBe(Date.UTC(2026, 5, 10, 17));
    expect(instantMs('2026-06-10T10:00:00.5Z')).toBe(Date.UTC(2026, 5, 10, 10, 0, 0, 500));
    expect(instantMs('2026-06-10T10:00:00.123456+01:00')).toBe(Date.UTC(2026, 5, 10, 9, 0, 0, 123));
  });
});

describe('window expansion across daylight-saving changes (2026, dates from the time-zone data)', () => {
  const withDst = ['America/Tijuana', 'America/Ciudad_Juarez', 'America/Matamoros', 'America/Ojinaga'];
  const withoutDst = ['America/Hermosillo', 'America/Phoenix'];

  describe.each(withDst)('%s', (zone) => {
    const [spring, autumn] = transitions2026(zone);

    it('changes offset twice, in March and November', () => {
      expect([spring?.month, autumn?.month]).toEqual([3, 11]);
    });

    it('a window spanning the spring change is an hour shorter, the autumn one an hour longer', () => {
      const arrangement = daily('01:00', '05:00');
      expect(durationHours(windowOn(arrangement, zone, spring!.toPlainDate().subtract({ days: 1 }))[0]!)).toBe(4);
      expect(durationHours(windowOn(arrangement, zone, spring!.toPlainDate())[0]!)).toBe(3);
      expect(durationHours(windowOn(arrangement, zone, autumn!.toPlainDate())[0]!)).toBe(5);
      expect(durationHours(windowOn(arrangement, zone, autumn!.toPlainDate().add({ days: 1 }))[0]!)).toBe(4);
    });

    it('a window past midnight into the spring change is an hour shorter', () => {
      const night = windowOn(daily('22:00', '06:00'), zone, spring!.toPlainDate().subtract({ days: 1 }))[0]!;
      expect(durationHours(night)).toBe(7);
    });

    it('a start in the skipped hour begins at the first instant after the gap', () => {
      const gap = spring!.offsetNanoseconds - spring!.subtract({ nanoseconds: 1 }).offsetNanoseconds;
      const skippedStart = spring!.toPlainTime().subtract({ nanoseconds: gap }).add({ minutes: 30 });
      const rule = daily(skippedStart.toString({ smallestUnit: 'minute' }), '12:00');
      const [window] = windowOn(rule, zone, spring!.toPlainDate());
      expect(Temporal.Instant.from(window!.start).equals(spring!.toInstant())).toBe(true);
      expect(window!.start).toBe(spring!.toString({ timeZoneName: 'never' }));
    });

    it('an end in the skipped hour ends at the first instant after the gap', () => {
      const gap = spring!.offsetNanoseconds - spring!.subtract({ nanoseconds: 1 }).offsetNanoseconds;
      const skippedEnd = spring!.toPlainTime().subtract({ nanoseconds: gap }).add({ minutes: 30 });
      const [window] = windowOn(
        daily('00:00', skippedEnd.toString({ smallestUnit: 'minute' })),
        zone,
        spring!.toPlainDate(),
      );
      expect(Temporal.Instant.from(window!.end).equals(spring!.toInstant())).toBe(true);
    });

    it('a repeated start takes its first occurrence and a repeated end its last', () => {
      const repeated = autumn!.toPlainTime().add({ minutes: 30 }).toString({ smallestUnit: 'minute' });
      const date = autumn!.toPlainDate();
      const [starting] = windowOn(daily(repeated, '12:00'), zone, date);
      const [ending] = windowOn(daily('00:00', repeated), zone, date);
      expect(Temporal.Instant.from(starting!.start).epochMilliseconds).toBe(autumn!.epochMilliseconds - 30 * 60_000);
      expect(Temporal.Instant.from(ending!.end).epochMilliseconds).toBe(autumn!.epochMilliseconds + 30 * 60_000);
    });
  });

  describe.each(withoutDst)('%s (no daylight saving)', (zone) => {
    it('has no change of offset in 2026', () => {
      expect(transitions2026(zone)).toEqual([]);
    });

    it('keeps every window the same length on the U.S. change days', () => {
      const usChanges = transitions2026('America/Los_Angeles').map((t) => t.toPlainDate());
      expect(usChanges).toHaveLength(2);
      for (const date of usChanges) expect(durationHours(windowOn(daily('01:00', '05:00'), zone, date)[0]!)).toBe(4);
    });
  });
});
