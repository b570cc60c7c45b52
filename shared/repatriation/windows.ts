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
  /** The zone's UTC offset (ms) at `start`, and the change of offset inside the occurrence, if any. */
  offset: number;
  change: { at: number; offset: number } | null;
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
  return resolveWallClock(date, time, zone, occurrence).epochMilliseconds;
}

function resolveWallClock(date: Temporal.PlainDate, time: string, zone: string, occurrence: 'first' | 'last'): Temporal.ZonedDateTime {
  const local = date.toPlainDateTime(wallClock(time));
  const zoned = local.toZonedDateTime(zone, { disambiguation: occurrence === 'first' ? 'earlier' : 'later' });
  if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), local) === 0) return zoned;
  // In a gap 'earlier' lands before it (shifted back by the gap); the next transition ends the gap.
  return local.toZonedDateTime(zone, { disambiguation: 'earlier' }).getTimeZoneTransition('next')!;
}

const offsetMs = (zoned: Temporal.ZonedDateTime) => zoned.offsetNanoseconds / 1_000_000;

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
      const startZoned = resolveWallClock(date, window.start, zone, 'first');
      const endDate = window.end <= window.start ? date.add({ days: 1 }) : date;
      const endZoned = resolveWallClock(endDate, window.end, zone, 'last');
      const [start, end] = [startZoned.epochMilliseconds, endZoned.epochMilliseconds];
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
        offset: offsetMs(startZoned),
        // An occurrence lasts at most a day and an hour: it holds at most one change of offset.
        change: offsetMs(startZoned) === offsetMs(endZoned) ? null : changeAfter(startZoned),
      });
    }
    date = date.add({ days: 1 });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function changeAfter(zoned: Temporal.ZonedDateTime): { at: number; offset: number } {
  const transition = zoned.getTimeZoneTransition('next')!;
  return { at: transition.epochMilliseconds, offset: offsetMs(transition) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant written with a UTC offset, as Temporal writes it: 2026-03-08T06:00:00-08:00. */
export function isoWithOffset(ms: number, offset: number): string {
  const local = new Date(ms + offset).toISOString();
  const fraction = local.slice(20, 23).replace(/0+$/, '');
  const minutes = Math.abs(offset) / 60_000;
  return `${local.slice(0, 19)}${fraction ? `.${fraction}` : ''}${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * An instant inside an occurrence written with the port's UTC offset at that instant. The offsets
 * were read from the zone data when the occurrence was expanded, so this costs no zone lookup:
 * the engine writes suggested slots with it on every keystroke.
 */
export function formatInSpan(ms: number, span: WindowSpan): string {
  return isoWithOffset(ms, span.change && ms >= span.change.at ? span.change.offset : span.offset);
}

export function windowOf(span: WindowSpan): RepatriationWindow {
  return {
    portId: span.portId,
    arrangementId: span.arrangementId,
    start: formatInSpan(span.start, span),
    end: formatInSpan(span.end, span),
    vulnerableStart: span.vulnerableStart === null ? null : formatInSpan(span.vulnerableStart, span),
    vulnerableEnd: span.vulnerableEnd === null ? null : formatInSpan(span.vulnerableEnd, span),
  };
}

/** `GET /api/repatriation/windows`: the arrangement's windows at `port` overlapping [from, to). */
export function expandWindows(arrangement: WindowRules, port: WindowPort, from: string, to: string): RepatriationWindow[] {
  return expandWindowSpans(arrangement, port, instantMs(from), instantMs(to)).map(windowOf);
}

const plainIsoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of an ISO 8601 instant with an offset or Z (the contract's `isoInstant`).
 * The forms ECMAScript's Date defines exactly go through `Date.parse` (ten times faster, and a
 * check parses two instants per keystroke); any other precision goes through Temporal.
 */
export const instantMs = (iso: string): number => (plainIsoInstant.test(iso) ? Date.parse(iso) : Temporal.Instant.from(iso).epochMilliseconds);
