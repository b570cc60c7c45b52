import { Temporal } from 'temporal-polyfill';

/**
 * Wall-clock time at a port ↔ instants, for forms and calendars: an officer types the time as the
 * port's clock shows it, whatever the zone of their own computer. Conversions go through the
 * time-zone data (Temporal), with RFC 5545's disambiguation for typed times: a time in a
 * spring-forward gap moves forward, a repeated time takes its first occurrence.
 */

/** "YYYY-MM-DDTHH:MM", the value of an `<input type="datetime-local">`. */
export type WallClock = string;

const wallClockPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const isWallClock = (value: string): boolean => wallClockPattern.test(value);

/** The instant the port's clock shows `local` at, as ISO 8601 with the port's offset; null when `local` is not a time. */
export function instantAtWallClock(local: WallClock, zone: string): string | null {
  if (!isWallClock(local)) return null;
  try {
    const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: 'compatible' });
    return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
  } catch {
    return null;
  }
}

/** What the port's clock shows at `instant` ("YYYY-MM-DDTHH:MM"). */
export function wallClockAt(instant: string | number, zone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : Temporal.Instant.from(instant).epochMilliseconds;
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

export interface LocalDay {
  /** YYYY-MM-DD at the port. */
  date: string;
  /** ISO weekday, Monday = 1. */
  weekday: number;
  /** The day's first and last instants at the port (a DST day is 23 or 25 hours long). */
  start: number;
  end: number;
}

/** The seven days (Monday to Sunday) of the week holding `at`, as the port's clock counts them. */
export function weekAt(at: number, zone: string): LocalDay[] {
  const today = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
  const monday = today.subtract({ days: today.dayOfWeek - 1 });
  return Array.from({ length: 7 }, (_, i) => {
    const date = monday.add({ days: i });
    return {
      date: date.toString(),
      weekday: date.dayOfWeek,
      start: date.toZonedDateTime({ timeZone: zone }).epochMilliseconds,
      end: date.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds,
    };
  });
}

/** The UTC offset of a zone at an instant, in minutes (to tell whether two clocks differ). */
export const offsetMinutes = (ms: number, zone: string): number =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 60_000_000_000;
