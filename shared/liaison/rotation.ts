import { Temporal } from 'temporal-polyfill';
import { countries, type Country } from '@shared/auth.js';
import type { CoverageGap, IntendedGap, Member, OnDuty, OnDutyContact, Override, Shift } from './contract.js';
import { telUri } from './phone.js';
import { minutesOfDay } from './week.js';

/*
 * Who is on duty, when (Plan of Action VIII: the mechanisms coordinate locally, so each
 * side must know whom to call at any hour). Pure: time is always an argument.
 *
 * Rules, decided up front:
 * - Weekly shifts are wall-clock times in the mechanism's IANA zone; their instants are
 *   half-open intervals [start, end).
 * - A wall-clock time that happens twice (clocks fall back): a shift STARTING then takes
 *   the first occurrence, one ENDING then the last — the repeated hour is covered twice,
 *   never left uncovered.
 * - A wall-clock time that does not exist (clocks spring forward): start or end maps to
 *   the instant of the transition.
 * - Handoffs stay on the wall clock: "20:00–08:00" then "08:00–20:00" hand over at 08:00
 *   local on both sides of a change; the night shift is 1 h shorter or longer that night.
 * - An override wins over the rotation at its side and call order for its interval; the
 *   other call orders keep the rotation.
 * - An empty shift or override (no member, or a member since deleted) is a gap, never
 *   silently skipped.
 */

export type RosterMember = Pick<Member, 'id' | 'name' | 'role' | 'agency' | 'country' | 'contacts'>;

export interface Roster<M extends RosterMember = RosterMember> {
  mechanismId: string;
  timeZone: string;
  members: readonly M[];
  shifts: readonly Shift[];
  overrides: readonly Override[];
  intendedGaps: readonly IntendedGap[];
}

/** One stretch of duty at a side and call order after overrides: what the week view draws. */
export interface DutyInterval {
  side: Country;
  escalation: number;
  memberId: string | null;
  start: string;
  end: string;
  source: { kind: 'shift' | 'override'; id: string };
}

type Edge = 'start' | 'end';

interface Slot extends Omit<DutyInterval, 'start' | 'end'> {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** How far around an instant `onDutyAt` looks to find where a duty run or a gap ends. */
const LOOKAROUND_MS = 8 * DAY_MS;

/** The instant of a wall-clock time in a zone, by the rules above. */
function wallClockMs(date: Temporal.PlainDate, time: Temporal.PlainTime, timeZone: string, edge: Edge): number {
  const wall = date.toPlainDateTime(time);
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  if (!earlier.toPlainDateTime().equals(wall)) return earlier.getTimeZoneTransition('next')!.epochMilliseconds;
  return edge === 'start'
    ? earlier.epochMilliseconds
    : wall.toZonedDateTime(timeZone, { disambiguation: 'later' }).epochMilliseconds;
}

/**
 * A wall-clock date and time in a zone as an instant ("2026-11-01", "01:30", …): what a
 * form calls to turn an override typed in the mechanism's time into the stored instant,
 * with the same rules as shifts.
 */
export function wallClockInstant(date: string, time: string, timeZone: string, edge: Edge): string {
  return isoIn(wallClockMs(Temporal.PlainDate.from(date), Temporal.PlainTime.from(time), timeZone, edge), timeZone);
}

/** An instant written with the mechanism's offset: "2026-03-08T03:00:00-07:00". */
export function isoIn(ms: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never' });
}

function localDate(ms: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();
}

type Resolve = (date: Temporal.PlainDate, time: Temporal.PlainTime, edge: Edge) => number;

/**
 * Wall-clock → instant for the dates around [from, to). Most weeks have no clock change:
 * then one offset serves them all (plain arithmetic, which keeps "on duty now" fast);
 * with a change nearby, every time goes through the rules above.
 */
function resolverFor(timeZone: string, from: number, to: number): Resolve {
  const start = Temporal.Instant.fromEpochMilliseconds(from - 2 * DAY_MS).toZonedDateTimeISO(timeZone);
  const change = start.getTimeZoneTransition('next');
  if (change && change.epochMilliseconds <= to + 2 * DAY_MS)
    return (date, time, edge) => wallClockMs(date, time, timeZone, edge);
  const offsetMs = start.offsetNanoseconds / 1e6;
  return (date, time) => Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute) - offsetMs;
}

interface LocalDay {
  date: Temporal.PlainDate;
  next: Temporal.PlainDate;
  weekday: number;
}

/** The local dates whose shifts may meet [from, to): a shift starts on its day and may end the next. */
function daysAround(timeZone: string, from: number, to: number): LocalDay[] {
  const days: LocalDay[] = [];
  const last = localDate(to, timeZone);
  let date = localDate(from, timeZone).subtract({ days: 1 });
  while (Temporal.PlainDate.compare(date, last) <= 0) {
    const next = date.add({ days: 1 });
    days.push({ date, next, weekday: date.dayOfWeek });
    date = next;
  }
  return days;
}

/** A weekly shift's intervals that meet [from, to). */
function shiftSlots(shift: Shift, days: readonly LocalDay[], resolve: Resolve, from: number, to: number): Slot[] {
  const start = Temporal.PlainTime.from(shift.start);
  const end = Temporal.PlainTime.from(shift.end);
  const pastMidnight = minutesOfDay(shift.end) <= minutesOfDay(shift.start);
  const slots: Slot[] = [];
  for (const day of days) {
    if (!shift.days.includes(day.weekday)) continue;
    const s = resolve(day.date, start, 'start');
    const e = resolve(pastMidnight ? day.next : day.date, end, 'end');
    // Both ends inside one skipped hour collapse to the transition: nothing to serve.
    if (e > s && e > from && s < to) {
      slots.push({
        side: shift.side,
        escalation: shift.escalation,
        memberId: shift.memberId,
        start: s,
        end: e,
        source: { kind: 'shift', id: shift.id },
      });
    }
  }
  return slots;
}

/** The parts of `slot` outside every interval of `cuts`. */
function subtract<T extends { start: number; end: number }>(
  slot: T,
  cuts: ReadonlyArray<{ start: number; end: number }>,
): T[] {
  const pieces: T[] = [];
  let cursor = slot.start;
  for (const cut of [...cuts].sort((a, b) => a.start - b.start)) {
    if (cut.end <= cursor || cut.start >= slot.end) continue;
    if (cut.start > cursor) pieces.push({ ...slot, start: cursor, end: cut.start });
    cursor = Math.max(cursor, cut.end);
  }
  if (cursor < slot.end) pieces.push({ ...slot, start: cursor, end: slot.end });
  return pieces;
}

/** Every stretch of duty meeting [from, to): overrides, and the rotation where no override applies. */
function dutySlots(roster: Roster, from: number, to: number): Slot[] {
  const known = new Set(roster.members.map((m) => m.id));
  const assignee = (memberId: string | null) => (memberId !== null && known.has(memberId) ? memberId : null);
  const overrides: Slot[] = roster.overrides.map((o) => ({
    side: o.side,
    escalation: o.escalation,
    memberId: assignee(o.memberId),
    start: Date.parse(o.start),
    end: Date.parse(o.end),
    source: { kind: 'override', id: o.id },
  }));
  const [days, resolve] = [daysAround(roster.timeZone, from, to), resolverFor(roster.timeZone, from, to)];
  const rotation = roster.shifts.flatMap((shift) =>
    shiftSlots({ ...shift, memberId: assignee(shift.memberId) }, days, resolve, from, to).flatMap((slot) =>
      subtract(
        slot,
        overrides.filter((o) => o.side === slot.side && o.escalation === slot.escalation),
      ),
    ),
  );
  return [...overrides.filter((o) => o.end > from && o.start < to), ...rotation].sort(
    (a, b) => a.start - b.start || a.escalation - b.escalation,
  );
}

/** The effective duty intervals meeting [from, to), for the week view and the calendar feed. */
export function dutyIntervals(roster: Roster, from: string, to: string): DutyInterval[] {
  return dutySlots(roster, Date.parse(from), Date.parse(to)).map((slot) => ({
    ...slot,
    start: isoIn(slot.start, roster.timeZone),
    end: isoIn(slot.end, roster.timeZone),
  }));
}

interface GapSpan {
  side: Country;
  kind: CoverageGap['kind'];
  escalation: number | null;
  start: number;
  end: number;
}

/** Gaps within [from, to) on each side, intended marks taken out, in time order. */
function gapSpans(roster: Roster, slots: readonly Slot[], from: number, to: number): GapSpan[] {
  const spans = countries.flatMap((side) => {
    const own = slots.filter((s) => s.side === side);
    const cuts = [
      ...new Set([from, to, ...own.flatMap((s) => [s.start, s.end]).filter((t) => t > from && t < to)]),
    ].sort((a, b) => a - b);
    const pieces: GapSpan[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [start, end] = [cuts[i]!, cuts[i + 1]!];
      const active = own.filter((s) => s.start <= start && start < s.end);
      const serving = active.filter((s) => s.memberId !== null);
      if (serving.length === 0) {
        pieces.push({ side, kind: 'uncovered', escalation: null, start, end });
        continue;
      }
      const empty = new Set(
        active
          .filter((s) => s.memberId === null && !serving.some((x) => x.escalation === s.escalation))
          .map((s) => s.escalation),
      );
      for (const escalation of empty) pieces.push({ side, kind: 'empty_shift', escalation, start, end });
    }
    const intended = roster.intendedGaps
      .filter((g) => g.side === side)
      .map((g) => ({ start: Date.parse(g.start), end: Date.parse(g.end) }));
    return mergeAdjacent(pieces).flatMap((gap) => subtract(gap, intended));
  });
  return spans.sort((a, b) => a.start - b.start || a.side.localeCompare(b.side));
}

function mergeAdjacent(pieces: GapSpan[]): GapSpan[] {
  const merged: GapSpan[] = [];
  for (const piece of pieces) {
    const previous = merged.findLast((g) => g.kind === piece.kind && g.escalation === piece.escalation);
    if (previous && previous.end === piece.start) previous.end = piece.end;
    else merged.push({ ...piece });
  }
  return merged;
}

function gapOut(gap: GapSpan, timeZone: string): CoverageGap {
  return {
    side: gap.side,
    kind: gap.kind,
    escalation: gap.escalation,
    start: isoIn(gap.start, timeZone),
    end: isoIn(gap.end, timeZone),
  };
}

/**
 * Intervals within [from, to) when a side has nobody on duty (`uncovered`), or a call
 * order is explicitly empty while others serve (`empty_shift`); gaps marked intended are
 * left out. Clipped to [from, to).
 */
export function coverageGaps(roster: Roster, from: string, to: string): CoverageGap[] {
  const [start, end] = [Date.parse(from), Date.parse(to)];
  return gapSpans(roster, dutySlots(roster, start, end), start, end).map((g) => gapOut(g, roster.timeZone));
}

/** First working contact of a kind. */
function reach(member: RosterMember, kind: 'phone' | 'email' | 'radio'): string | null {
  return member.contacts.find((c) => c.kind === kind && c.working)?.value ?? null;
}

/** When `memberId`'s continuous duty on `side`, which covers `at`, ends (within the look-around). */
function dutyEnd(slots: readonly Slot[], side: Country, memberId: string, at: number, horizon: number): number {
  const own = slots.filter((s) => s.side === side && s.memberId === memberId);
  let end = at;
  for (let extended = true; extended;) {
    extended = false;
    for (const s of own) {
      if (s.start <= end && s.end > end) {
        end = s.end;
        extended = true;
      }
    }
  }
  return Math.min(end, horizon);
}

/**
 * Who is on duty at `at`, each side in escalation order (lowest call order first, then
 * name), with how to reach them and until when; plus the gaps that hold at `at`, each
 * with its full extent within eight days either side.
 */
export function onDutyAt(roster: Roster, at: string): OnDuty {
  const now = Date.parse(at);
  const [from, to] = [now - LOOKAROUND_MS, now + LOOKAROUND_MS];
  const slots = dutySlots(roster, from, to);
  const active = slots.filter((s) => s.start <= now && now < s.end);
  const side = (country: Country): OnDutyContact[] => {
    const byMember = new Map<string, Slot>();
    for (const slot of active) {
      if (slot.side !== country || slot.memberId === null) continue;
      const seen = byMember.get(slot.memberId);
      if (!seen || slot.escalation < seen.escalation) byMember.set(slot.memberId, slot);
    }
    return [...byMember.values()]
      .map((slot) => {
        const member = roster.members.find((m) => m.id === slot.memberId)!;
        const phone = reach(member, 'phone');
        return {
          memberId: member.id,
          name: member.name,
          role: member.role,
          agency: member.agency,
          country: member.country,
          escalation: slot.escalation,
          phone,
          telUri: phone ? telUri(phone) : null,
          email: reach(member, 'email'),
          radio: reach(member, 'radio'),
          until: isoIn(dutyEnd(slots, country, member.id, now, to), roster.timeZone),
          byOverride: slot.source.kind === 'override',
        };
      })
      .sort((a, b) => a.escalation - b.escalation || a.name.localeCompare(b.name));
  };
  const gaps = gapSpans(roster, slots, from, to).filter((g) => g.start <= now && now < g.end);
  return {
    mechanismId: roster.mechanismId,
    at: isoIn(now, roster.timeZone),
    timeZone: roster.timeZone,
    US: side('US'),
    MX: side('MX'),
    gaps: gaps.map((g) => gapOut(g, roster.timeZone)),
  };
}
