import type { Country } from '@shared/auth.js';

/** A weekly shift as a coordinator writes it, in the mechanism's wall-clock time. */
export interface WeeklyShift {
  side: Country;
  escalation: number;
  /** ISO weekdays, 1 = Monday … 7 = Sunday: the days the shift starts on. */
  days: readonly number[];
  /** "HH:MM"; an end at or before the start is past midnight and belongs to the start day. */
  start: string;
  end: string;
  memberId: string | null;
}

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export function minutesOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** Length in minutes on the wall clock: "20:00"–"08:00" is 12 h, "08:00"–"08:00" a whole day. */
export function wallMinutes(start: string, end: string): number {
  const length = minutesOfDay(end) - minutesOfDay(start);
  return length > 0 ? length : length + MINUTES_PER_DAY;
}

/** The shift's half-open minute ranges within one week; Sunday night wraps into Monday. */
function weekRanges(shift: WeeklyShift): Array<[number, number]> {
  const length = wallMinutes(shift.start, shift.end);
  return shift.days.flatMap((day): Array<[number, number]> => {
    const from = (day - 1) * MINUTES_PER_DAY + minutesOfDay(shift.start);
    const to = from + length;
    return to <= MINUTES_PER_WEEK
      ? [[from, to]]
      : [
          [from, MINUTES_PER_WEEK],
          [0, to - MINUTES_PER_WEEK],
        ];
  });
}

function rangesMeet(a: Array<[number, number]>, b: Array<[number, number]>): boolean {
  return a.some(([aFrom, aTo]) => b.some(([bFrom, bTo]) => aFrom < bTo && bFrom < aTo));
}

export interface ShiftOverlap {
  /** Index of the later shift of the pair: the one reported. */
  index: number;
  other: number;
  /**
   * `position`: same side and same call order at the same wall-clock time, so the rotation
   * would not say who is first to call. `member`: one person on two shifts at once, on any
   * side or position. Compared on the wall clock: the hour repeated when clocks fall back
   * is the one intended double cover (see rotation.ts), not an overlap.
   */
  reason: 'position' | 'member';
}

export function findShiftOverlaps(shifts: readonly WeeklyShift[]): ShiftOverlap[] {
  const ranges = shifts.map(weekRanges);
  const overlaps: ShiftOverlap[] = [];
  shifts.forEach((shift, index) => {
    for (let other = 0; other < index; other++) {
      const earlier = shifts[other]!;
      if (!rangesMeet(ranges[index]!, ranges[other]!)) continue;
      if (earlier.side === shift.side && earlier.escalation === shift.escalation) {
        overlaps.push({ index, other, reason: 'position' });
        return;
      }
      if (shift.memberId !== null && shift.memberId === earlier.memberId) {
        overlaps.push({ index, other, reason: 'member' });
        return;
      }
    }
  });
  return overlaps;
}
