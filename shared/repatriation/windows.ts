import { Temporal } from 'temporal-polyfill';
import type { Port } from '@shared/reference/contract.js';
import type { Arrangement, RepatriationWindow } from './contract.js';

/**
 * Weekly wall-clock windows → instants. A window covers every instant whose wall-clock time at
 * the port lies between its start and end on the day it starts (`end` ≤ `start` runs past
 * midnight), so across a daylight-saving change it is an hour shorter or longer. Rules are kept
 * as wall-clock time plus IANA zone and converted here with explicit disambiguation:
 *  - a start or end in the skipped hour maps to the first instant after the gap (not
 *    'compatible', which would move it later by the length of the gap);
 *  - a repeated start takes its first occurrence, a repeated end its last.
 *
 * The zone's offsets over the range come from the time-zone data through Temporal (never a
 * hand-written table); converting a wall-clock time is then exact arithmetic on them: an instant
 * t shows wall clock L iff t + offset(t) = L. That keeps a week's expansion cheap enough to run
 * on every request and in the browser.
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
  change: { from: number; offset: number } | null;
}

/** Windows are read on the port's Mexican side, where Mexican officials receive, unless the arrangement names a zone. */
export const windowZone = (arrangement: Pick<WindowRules, 'timeZone'>, port: WindowPort): string =>
  arrangement.timeZone ?? port.mxTimeZone;

export const MS_PER_DAY = 86_400_000;
/** Margin around a range so that every wall-clock time of its local days finds its offsets. */
const MARGIN_MS = 3 * MS_PER_DAY;

/** The zone's offsets: each from the instant it takes effect (the first from the dawn of time). */
type Offsets = ReadonlyArray<{ from: number; offset: number }>;

const offsetMs = (zoned: Temporal.ZonedDateTime) => zoned.offsetNanoseconds / 1_000_000;

function zoneOffsets(zone: string, fromMs: number, toMs: number): Offsets {
  const first = Temporal.Instant.fromEpochMilliseconds(fromMs - MARGIN_MS).toZonedDateTimeISO(zone);
  const offsets = [{ from: -Infinity, offset: offsetMs(first) }];
  for (
    let next = first.getTimeZoneTransition('next');
    next && next.epochMilliseconds < toMs + MARGIN_MS;
    next = next.getTimeZoneTransition('next')
  ) {
    offsets.push({ from: next.epochMilliseconds, offset: offsetMs(next) });
  }
  return offsets;
}

function offsetAt(offsets: Offsets, ms: number): number {
  let i = offsets.length - 1;
  while (offsets[i]!.from > ms) i--;
  return offsets[i]!.offset;
}

/**
 * The instant a wall-clock reading means, `wallClock` being the reading encoded as if it were UTC
 * (Date.UTC of the local date and time).
 */
function resolve(offsets: Offsets, wallClock: number, occurrence: 'first' | 'last'): number {
  let first: number | undefined;
  let last: number | undefined;
  for (let i = 0; i < offsets.length; i++) {
    const at = wallClock - offsets[i]!.offset;
    if (at >= offsets[i]!.from && at < (offsets[i + 1]?.from ?? Infinity)) {
      first ??= at;
      last = at;
    }
  }
  if (first !== undefined) return occurrence === 'first' ? first : last!;
  // Skipped by a spring-forward change: the change itself is the first instant the clock shows after the gap.
  for (let i = 1; i < offsets.length; i++) {
    const change = offsets[i]!.from;
    if (wallClock >= change + offsets[i - 1]!.offset && wallClock < change + offsets[i]!.offset) return change;
  }
  throw new RangeError('wall-clock time outside the prepared offsets');
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** ISO weekday (Monday = 1) of a day counted from 1970-01-01, a Thursday. */
const isoWeekday = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;
const wallClockOf = (day: number, time: string) => day * MS_PER_DAY + minutesOf(time) * 60_000;

/** Every occurrence of the arrangement's windows at `port` that overlaps [fromMs, toMs), earliest first. */
export function expandWindowSpans(
  arrangement: WindowRules,
  port: WindowPort,
  fromMs: number,
  toMs: number,
): WindowSpan[] {
  const zone = windowZone(arrangement, port);
  const offsets = zoneOffsets(zone, fromMs, toMs);
  const spans: WindowSpan[] = [];
  // A window may start the day before `from` (it runs past midnight) and still overlap it.
  const firstDay = Math.floor((fromMs + offsetAt(offsets, fromMs)) / MS_PER_DAY) - 1;
  const lastDay = Math.floor((toMs + offsetAt(offsets, toMs)) / MS_PER_DAY);
  for (let day = firstDay; day <= lastDay; day++) {
    const weekday = isoWeekday(day);
    let daylight: { start: number; end: number } | undefined;
    for (const window of arrangement.windows) {
      if (!window.days.includes(weekday)) continue;
      const start = resolve(offsets, wallClockOf(day, window.start), 'first');
      const end = resolve(offsets, wallClockOf(window.end <= window.start ? day + 1 : day, window.end), 'last');
      // A window lying wholly inside a skipped hour covers no instant.
      if (end <= start || end <= fromMs || start >= toMs) continue;
      daylight ??= {
        start: resolve(offsets, wallClockOf(day, arrangement.vulnerableWindow.start), 'first'),
        end: resolve(offsets, wallClockOf(day, arrangement.vulnerableWindow.end), 'last'),
      };
      // The daylight part belongs to the window's own day, as the window does.
      const [vulnerableStart, vulnerableEnd] = [Math.max(start, daylight.start), Math.min(end, daylight.end)];
      const meets = vulnerableStart < vulnerableEnd;
      const [startOffset, endOffset] = [offsetAt(offsets, start), offsetAt(offsets, end)];
      spans.push({
        portId: port.id,
        arrangementId: arrangement.id,
        zone,
        localDate: new Date(day * MS_PER_DAY).toISOString().slice(0, 10),
        localStart: window.start,
        start,
        end,
        vulnerableStart: meets ? vulnerableStart : null,
        vulnerableEnd: meets ? vulnerableEnd : null,
        offset: startOffset,
        // An occurrence lasts at most a day and an hour: it holds at most one change of offset.
        change: startOffset === endOffset ? null : offsets.find((o) => o.from > start && o.from <= end)!,
      });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The daylight window for vulnerable persons on the local day of `at` (the day's, outside any window). */
export function daylightOn(
  arrangement: Pick<WindowRules, 'vulnerableWindow'>,
  zone: string,
  at: number,
): { start: number; end: number } {
  const offsets = zoneOffsets(zone, at, at);
  const day = Math.floor((at + offsetAt(offsets, at)) / MS_PER_DAY);
  return {
    start: resolve(offsets, wallClockOf(day, arrangement.vulnerableWindow.start), 'first'),
    end: resolve(offsets, wallClockOf(day, arrangement.vulnerableWindow.end), 'last'),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant written with a UTC offset, as Temporal writes it: 2026-03-08T06:00:00-08:00. */
function isoWithOffset(ms: number, offset: number): string {
  const local = new Date(ms + offset).toISOString();
  const fraction = local.slice(20, 23).replace(/0+$/, '');
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  return `${local.slice(0, 19)}${fraction ? `.${fraction}` : ''}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * An instant inside an occurrence written with the port's UTC offset at that instant. The offsets
 * were read from the zone data when the occurrence was expanded, so this costs no zone lookup:
 * the engine writes suggested slots with it on every keystroke.
 */
export function formatInSpan(ms: number, span: WindowSpan): string {
  return isoWithOffset(ms, span.change && ms >= span.change.from ? span.change.offset : span.offset);
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
export function expandWindows(
  arrangement: WindowRules,
  port: WindowPort,
  from: string,
  to: string,
): RepatriationWindow[] {
  return expandWindowSpans(arrangement, port, instantMs(from), instantMs(to)).map(windowOf);
}

const plainIsoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds of an ISO 8601 instant with an offset or Z (the contract's `isoInstant`).
 * The forms ECMAScript's Date defines exactly go through `Date.parse` (ten times faster, and a
 * check parses two instants per keystroke); any other precision goes through Temporal.
 */
export const instantMs = (iso: string): number =>
  plainIsoInstant.test(iso) ? Date.parse(iso) : Temporal.Instant.from(iso).epochMilliseconds;
