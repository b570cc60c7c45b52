import { Temporal } from 'temporal-polyfill';
import type { Port } from '../reference.js';
import type { Arrangement, RepatriationWindow } from './contract.js';

/**
 * Weekly wall-clock windows → instants. A window covers every instant whose wall-clock time at
 * the port lies between its start and end on the day it starts (`end` ≤ `start` runs past
 * midnight), so across a daylight-saving change it is an hour shorter or longer. Rules are kept
 * as wall-clock time plus IANA zone and converted here with explicit disambiguation:
 *  - a start or end in the skipped hour maps to the first instant after the gap;
 *  - a repeated start takes its first occurrence, a repeated end its last.
 */

/** What expansion needs of an arrangement. */
export type WindowRules = Pick<Arrangement, 'id' | 'windows' | 'vulnerableWindow'> & { timeZone?: string | undefined };
/** What expansion needs of a port. */
export type WindowPort = Pick<Port, 'id' | 'mxTimeZone'>;

/** One occurrence of a window at a port, as epoch milliseconds (the engine compares numbers). */
export interface WindowSpan {
  portId: string;
  arrangementId: string;
  zone: string;
  /** The local date the window starts, YYYY-MM-DD. */
  localDate: string;
  /** The window's wall-clock start as the arrangement writes it, HH:MM. */
  localStart: string;
  start: number;
  end: number;
  vulnerableStart: number | null;
  vulnerableEnd: number | null;
}

/** Windows are read on the Mexican side of the port, where Mexican officials receive, unless the arrangement says otherwise. */
export const windowZone = (arrangement: Pick<WindowRules, 'timeZone'>, port: WindowPort): string => arrangement.timeZone ?? port.mxTimeZone;

export const MS_PER_DAY = 86_400_000;

function wallClock(time: string): { hour: number; minute: number } {
  return { hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) };
}

/**
 * The instant a wall-clock time on `date` means at `zone`. `occurrence` picks between the two
 * instants of a repeated time (fall back); a time in the skipped hour (spring forward) means the
 * transition itself, the first instant the clock shows after the gap — not 'compatible', which
 * would move it later by the length of the gap.
 */
export function wallClockInstant(date: Temporal.PlainDate, time: string, zone: string, occurrence: 'first' | 'last'): number {
  const local = date.toPlainDateTime(wallClock(time));
  const zoned = local.toZonedDateTime(zone, { disambiguation: occurrence === 'first' ? 'earlier' : 'later' });
  if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), local) === 0) return zoned.epochMilliseconds;
  // In a gap 'earlier' lands before it (shifted back by the gap); the next transition ends the gap.
  const beforeGap = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  return beforeGap.getTimeZoneTransition('next')!.epochMilliseconds;
}

/** Every occurrence of the arrangement's windows at `port` that overlaps [fromMs, toMs), earliest first. */
export function expandWindowSpans(arrangement: WindowRules, port: WindowPort, fromMs: number, toMs: number): WindowSpan[] {
  const zone = windowZone(arrangement, port);
  const spans: WindowSpan[] = [];
  // A window may start the day before `from` (it runs past midnight) and still overlap it.
  let date = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone).toPlainDate().subtract({ days: 1 });
  const lastDate = Temporal.Instant.fromEpochMilliseconds(toMs).toZonedDateTimeISO(zone).toPlainDate();
  while (Temporal.PlainDate.compare(date, lastDate) <= 0) {
    let daylight: { start: number; end: number } | undefined;
    for (const window of arrangement.windows) {
      if (!window.days.includes(date.dayOfWeek)) continue;
      const start = wallClockInstant(date, window.start, zone, 'first');
      const endDate = window.end <= window.start ? date.add({ days: 1 }) : date;
      const end = wallClockInstant(endDate, window.end, zone, 'last');
      // A window lying wholly inside a skipped hour covers no instant.
      if (end <= start || end <= fromMs || start >= toMs) continue;
      daylight ??= {
        start: wallClockInstant(date, arrangement.vulnerableWindow.start, zone, 'first'),
        end: wallClockInstant(date, arrangement.vulnerableWindow.end, zone, 'last'),
      };
      // The daylight part belongs to the window's own day, as the window does.
      const [vulnerableStart, vulnerableEnd] = [Math.max(start, daylight.start), Math.min(end, daylight.end)];
      const meets = vulnerableStart < vulnerableEnd;
      spans.push({
        portId: port.id,
        arrangementId: arrangement.id,
        zone,
        localDate: date.toString(),
        localStart: window.start,
        start,
        end,
        vulnerableStart: meets ? vulnerableStart : null,
        vulnerableEnd: meets ? vulnerableEnd : null,
      });
    }
    date = date.add({ days: 1 });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** An instant written with the zone's UTC offset at that instant: 2026-03-08T06:00:00-08:00. */
export function formatInstant(ms: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toString({ timeZoneName: 'never' });
}

export function windowOf(span: WindowSpan): RepatriationWindow {
  return {
    portId: span.portId,
    arrangementId: span.arrangementId,
    start: formatInstant(span.start, span.zone),
    end: formatInstant(span.end, span.zone),
    vulnerableStart: span.vulnerableStart === null ? null : formatInstant(span.vulnerableStart, span.zone),
    vulnerableEnd: span.vulnerableEnd === null ? null : formatInstant(span.vulnerableEnd, span.zone),
  };
}

/** `GET /api/repatriation/windows`: the arrangement's windows at `port` overlapping [from, to). */
export function expandWindows(arrangement: WindowRules, port: WindowPort, from: string, to: string): RepatriationWindow[] {
  return expandWindowSpans(arrangement, port, instantMs(from), instantMs(to)).map(windowOf);
}

/** Epoch milliseconds of an ISO 8601 instant with an offset or Z (the contract's `isoInstant`). */
export const instantMs = (iso: string): number => Temporal.Instant.from(iso).epochMilliseconds;
