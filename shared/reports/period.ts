import { Temporal } from 'temporal-polyfill';

/*
 * A report's period: two calendar dates (`from` inclusive, `to` exclusive) placed on a zone —
 * the scope's border zone, or UTC for the whole border. Pure: the zone and the moments are
 * arguments.
 */

/** The zone of a report on the whole border. */
export const WHOLE_BORDER_ZONE = 'UTC';

const plainDate = (date: string) => Temporal.PlainDate.from(date);

/** `date` moved by `days` calendar days. */
export const addDays = (date: string, days: number): string => plainDate(date).add({ days }).toString();

/** The period of the same length (in calendar days) just before `from`–`to`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
  return { from: addDays(from, -days), to: from };
}

/** The first instant of `date` in `zone` (epoch milliseconds); midnight, or the first moment after a gap. */
export const startOfDay = (date: string, zone: string): number =>
  plainDate(date).toZonedDateTime({ timeZone: zone }).epochMilliseconds;

/** The calendar date in `zone` at an instant. */
export const dateIn = (ms: number, zone: string): string =>
  Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();

/** The wall clock in `zone` at an instant, to the minute: "2026-07-04 23:30", as spreadsheets read it. */
export const wallClockIn = (ms: number, zone: string): string =>
  Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(zone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' })
    .replace('T', ' ');

/** Every month ("YYYY-MM") the period touches, in order. */
export function monthsOf(from: string, to: string): string[] {
  const last = Temporal.PlainYearMonth.from(addDays(to, -1).slice(0, 7));
  const months: string[] = [];
  let month = Temporal.PlainYearMonth.from(from.slice(0, 7));
  while (Temporal.PlainYearMonth.compare(month, last) <= 0) {
    months.push(month.toString());
    month = month.add({ months: 1 });
  }
  return months;
}
