import { Temporal } from 'temporal-polyfill';
import { addDays, dateIn } from '@shared/reports/period.js';

/**
 * The periods a review covers (issue 25): a month, a quarter, the heat season (1 May – 30
 * September, when the desert kills most), a year, or any dates. A period is two calendar
 * dates, `from` inclusive and `to` exclusive, as the API takes them.
 */
export const periodKinds = ['month', 'quarter', 'heat', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const date = (year: number, month: number) => `${String(year).padStart(4, '0')}-${pad(month)}-01`;

/** The period of `kind` that holds the calendar date `day` ("YYYY-MM-DD"); `custom` is that one day. */
export function periodHolding(kind: PeriodKind, day: string): Period {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (kind) {
    case 'month':
      return { from: date(year, month), to: month === 12 ? date(year + 1, 1) : date(year, month + 1) };
    case 'quarter': {
      const first = month - ((month - 1) % 3);
      return { from: date(year, first), to: first === 10 ? date(year + 1, 1) : date(year, first + 3) };
    }
    case 'heat':
      return { from: date(year, 5), to: date(year, 10) };
    case 'year':
      return { from: date(year, 1), to: date(year + 1, 1) };
    case 'custom':
      return { from: day, to: addDays(day, 1) };
  }
}

/** The period of the same kind `steps` before (negative) or after the one starting on `from`. */
export function stepPeriod(kind: Exclude<PeriodKind, 'custom'>, from: string, steps: number): Period {
  const start = Temporal.PlainDate.from(from);
  const moved =
    kind === 'month'
      ? start.add({ months: steps })
      : kind === 'quarter'
        ? start.add({ months: 3 * steps })
        : start.add({ years: steps });
  return periodHolding(kind, moved.toString());
}

/**
 * The period a mechanism's next review covers: from the day of its last meeting held (its
 * wall-clock start in its own zone) up to and including today; a year back when it has never met.
 */
export function sinceLastMeeting(
  meetings: readonly { startsAt: string; timeZone: string }[],
  now: number,
  timeZone: string,
): Period {
  const held = meetings
    .map((m) => ({ day: m.startsAt.slice(0, 10), at: startOf(m) }))
    .filter((m) => m.at !== null && m.at <= now)
    .sort((a, b) => b.at! - a.at!);
  const end = addDays(dateIn(now, timeZone), 1);
  const since = held[0]?.day ?? Temporal.PlainDate.from(end).subtract({ years: 1 }).toString();
  return { from: since, to: end };
}

/** A meeting's wall-clock start as an instant; null for one that doesn't read (never thrown at a reader). */
function startOf(meeting: { startsAt: string; timeZone: string }): number | null {
  try {
    return Temporal.PlainDateTime.from(meeting.startsAt).toZonedDateTime(meeting.timeZone).epochMilliseconds;
  } catch {
    return null;
  }
}
