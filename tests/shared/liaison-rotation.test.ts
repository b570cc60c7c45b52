import { describe, expect, it } from 'vitest';
import { coverageGaps, dutyIntervals, onDutyAt, wallClockInstant } from '@shared/liaison/rotation.js';
import {
  everyDay,
  hoursBetween,
  intended,
  local,
  member,
  override,
  plus,
  roster,
  shift,
  transitions,
} from './liaison-helpers.js';

const [day, night, cover, consul] = [
  member('day', 'US'),
  member('night', 'US'),
  member('cover', 'US'),
  member('consul', 'US'),
];
const mx = member('mx', 'MX');

/** Day 08:00–20:00 and night 20:00–08:00 (past midnight) every day on the U.S. side; MX round the clock. */
function dayAndNight(timeZone: string) {
  return roster({
    timeZone,
    members: [day, night, cover, consul, mx],
    shifts: [
      shift({ start: '08:00', end: '20:00', memberId: day.id }),
      shift({ start: '20:00', end: '08:00', memberId: night.id }),
      shift({ side: 'MX', start: '00:00', end: '00:00', memberId: mx.id }),
    ],
  });
}

const onDutyIds = (r: ReturnType<typeof dayAndNight>, at: string, side: 'US' | 'MX' = 'US') =>
  onDutyAt(r, at)[side].map((c) => c.memberId);

/** The night shift that starts at 20:00 on `date`, as served. */
function nightShift(timeZone: string, date: string) {
  const start = local(timeZone, `${date}T20:00`);
  return dutyIntervals(dayAndNight(timeZone), start, plus(start, { minutes: 1 })).find((i) => i.memberId === night.id)!;
}

describe('weekly shifts across midnight', () => {
  const tz = 'America/Tijuana';
  const r = dayAndNight(tz);

  it('keeps a 20:00–08:00 shift on duty past midnight, until 08:00 the next morning', () => {
    const at = local(tz, '2026-01-13T03:00');
    const us = onDutyAt(r, at).US;
    expect(us.map((c) => c.memberId)).toEqual([night.id]);
    expect(us[0]!.until).toBe(local(tz, '2026-01-13T08:00'));
  });

  it('hands over on the half-open boundary: the night shift at 07:59, the day shift at 08:00', () => {
    expect(onDutyIds(r, local(tz, '2026-01-13T07:59'))).toEqual([night.id]);
    expect(onDutyIds(r, local(tz, '2026-01-13T08:00'))).toEqual([day.id]);
  });

  it('wraps a Sunday night shift into Monday', () => {
    const sundayNight = roster({
      timeZone: tz,
      members: [night],
      shifts: [shift({ days: [7], start: '22:00', end: '06:00', memberId: night.id })],
    });
    expect(onDutyAt(sundayNight, local(tz, '2026-01-12T05:00')).US.map((c) => c.memberId)).toEqual([night.id]); // Monday 05:00
    expect(onDutyAt(sundayNight, local(tz, '2026-01-12T06:00')).US).toEqual([]);
  });

  it('gives every on-duty person a way to reach them, with a tel: link', () => {
    const [contact] = onDutyAt(r, local(tz, '2026-01-13T12:00')).US;
    expect(contact).toMatchObject({
      name: 'Officer day',
      phone: '+16195550100',
      telUri: 'tel:+16195550100',
      email: 'day@example.org',
      byOverride: false,
    });
  });
});

describe.each(['America/Tijuana', 'America/Ciudad_Juarez'])('clock changes in %s', (tz) => {
  const [springForward, fallBack] = transitions(tz, 2026);
  const r = dayAndNight(tz);

  it('has the two 2026 changes (computed, not typed in)', () => {
    expect(springForward!.offsetNanoseconds).toBeGreaterThan(fallBack!.offsetNanoseconds);
  });

  it('keeps handoffs at 08:00 and 20:00 on the wall clock: the spring night is 11 h, the autumn night 13 h', () => {
    const eve = (t: typeof springForward) => t!.toPlainDate().subtract({ days: 1 }).toString();
    const spring = nightShift(tz, eve(springForward));
    const autumn = nightShift(tz, eve(fallBack));
    expect(hoursBetween(spring.start, spring.end)).toBe(11);
    expect(hoursBetween(autumn.start, autumn.end)).toBe(13);
    expect(spring.end).toBe(local(tz, `${springForward!.toPlainDate()}T08:00`));
    expect(onDutyIds(r, spring.end)).toEqual([day.id]);
  });

  it('leaves no gap and no double cover across either change', () => {
    for (const change of [springForward!, fallBack!]) {
      const from = change.subtract({ days: 2 }).toInstant().toString();
      const to = change.add({ days: 2 }).toInstant().toString();
      expect(coverageGaps(r, from, to)).toEqual([]);
      const served = dutyIntervals(r, from, to).filter((i) => i.side === 'US');
      for (let i = 1; i < served.length; i++) expect(served[i]!.start).toBe(served[i - 1]!.end);
    }
  });

  it('starts a shift that begins in the skipped hour at the moment the clocks jump', () => {
    const date = springForward!.toPlainDate().toString();
    const early = roster({
      timeZone: tz,
      members: [day, night],
      shifts: [
        shift({ days: [7], start: '02:30', end: '10:00', memberId: day.id }),
        shift({ days: [6], start: '20:00', end: '02:30', memberId: night.id }),
      ],
    });
    const jump = springForward!.toInstant().toString();
    const [saturdayNight, sunday] = dutyIntervals(early, plus(jump, { hours: -12 }), plus(jump, { hours: 12 }));
    expect(Date.parse(sunday!.start)).toBe(Date.parse(jump));
    expect(Date.parse(saturdayNight!.end)).toBe(Date.parse(jump));
    expect(onDutyIds(early, plus(jump, { seconds: -1 }))).toEqual([night.id]);
    expect(onDutyIds(early, jump)).toEqual([day.id]);
    expect(wallClockInstant(date, '02:30', tz, 'start')).toBe(local(tz, `${date}T03:00`));
  });

  it('starts a shift in the repeated hour at its first occurrence and ends one there at its last: both serve that hour', () => {
    const date = fallBack!.toPlainDate().toString();
    const handoff = roster({
      timeZone: tz,
      members: [day, night],
      shifts: [
        shift({ days: [6], start: '18:00', end: '01:30', memberId: night.id }),
        shift({ days: [7], start: '01:30', end: '08:00', memberId: day.id }),
      ],
    });
    const first = local(tz, `${date}T01:30`, 'earlier');
    const last = local(tz, `${date}T01:30`, 'later');
    expect(hoursBetween(first, last)).toBe(1);
    expect(onDutyIds(handoff, plus(first, { seconds: -1 }))).toEqual([night.id]);
    expect(onDutyIds(handoff, plus(first, { minutes: 30 })).sort()).toEqual([day.id, night.id].sort());
    expect(onDutyIds(handoff, last)).toEqual([day.id]);
    expect(
      coverageGaps(handoff, local(tz, `${date}T00:00`), local(tz, `${date}T07:00`)).filter((g) => g.side === 'US'),
    ).toEqual([]);
  });
});

describe('America/Hermosillo (Sonora keeps MST all year)', () => {
  const tz = 'America/Hermosillo';

  it('has no clock change in 2026, so the night shift is 12 h even on the U.S. change dates', () => {
    expect(transitions(tz, 2026)).toEqual([]);
    for (const change of transitions('America/Tijuana', 2026)) {
      const n = nightShift(tz, change.toPlainDate().subtract({ days: 1 }).toString());
      expect(hoursBetween(n.start, n.end)).toBe(12);
      expect(n.start.endsWith('-07:00')).toBe(true);
    }
  });
});

describe('overrides', () => {
  const tz = 'America/Tijuana';
  const base = dayAndNight(tz);
  const start = local(tz, '2026-01-13T20:00');
  const end = local(tz, '2026-01-14T08:00');

  it('win over the rotation at their side and call order ("Tuesday night covered by …")', () => {
    const r = { ...base, overrides: [override({ start, end, memberId: cover.id, reason: 'sick leave' })] };
    const [onDuty] = onDutyAt(r, local(tz, '2026-01-13T23:00')).US;
    expect(onDuty).toMatchObject({ memberId: cover.id, byOverride: true, until: end });
    expect(onDutyIds(r, local(tz, '2026-01-14T23:00'))).toEqual([night.id]); // the next night is the rotation again
  });

  it('cut the rotation only where they apply, leaving other call orders alone', () => {
    const r = {
      ...base,
      shifts: [...base.shifts, shift({ escalation: 2, start: '00:00', end: '00:00', memberId: consul.id })],
      overrides: [override({ start, end: plus(start, { hours: 2 }), memberId: cover.id })],
    };
    const us = onDutyAt(r, plus(start, { hours: 1 })).US;
    expect(us.map((c) => [c.memberId, c.escalation])).toEqual([
      [cover.id, 1],
      [consul.id, 2],
    ]);
    expect(onDutyIds(r, plus(start, { hours: 2 }))).toEqual([night.id, consul.id]);
  });

  it('with nobody named leave the position explicitly empty: a gap', () => {
    const r = { ...base, overrides: [override({ start, end, memberId: null })] };
    expect(onDutyAt(r, local(tz, '2026-01-13T23:00')).US).toEqual([]);
    expect(coverageGaps(r, local(tz, '2026-01-13T00:00'), local(tz, '2026-01-15T00:00'))).toEqual([
      { side: 'US', kind: 'uncovered', escalation: null, start, end },
    ]);
  });
});

describe('coverage gaps', () => {
  const tz = 'America/Tijuana';
  const daytimeOnly = roster({
    timeZone: tz,
    members: [day, consul, mx],
    shifts: [
      shift({ start: '08:00', end: '20:00', memberId: day.id }),
      shift({ side: 'MX', start: '00:00', end: '00:00', memberId: mx.id }),
    ],
  });
  const from = local(tz, '2026-01-13T00:00');
  const to = local(tz, '2026-01-14T00:00');

  it('reports each side’s hours with nobody on duty, clipped to the range', () => {
    expect(coverageGaps(daytimeOnly, from, to)).toEqual([
      { side: 'US', kind: 'uncovered', escalation: null, start: from, end: local(tz, '2026-01-13T08:00') },
      { side: 'US', kind: 'uncovered', escalation: null, start: local(tz, '2026-01-13T20:00'), end: to },
    ]);
  });

  it('shows an explicitly empty call order as a gap even while someone else serves', () => {
    const r = {
      ...daytimeOnly,
      shifts: [
        ...daytimeOnly.shifts,
        shift({ escalation: 2, days: [2], start: '09:00', end: '17:00', memberId: null }),
      ],
    };
    const gaps = coverageGaps(r, from, to);
    expect(gaps).toContainEqual({
      side: 'US',
      kind: 'empty_shift',
      escalation: 2,
      start: local(tz, '2026-01-13T09:00'),
      end: local(tz, '2026-01-13T17:00'),
    });
  });

  it('treats a shift whose member was deleted as empty, never as covered', () => {
    const r = { ...daytimeOnly, members: [consul, mx] };
    expect(coverageGaps(r, from, to)).toEqual([
      { side: 'US', kind: 'uncovered', escalation: null, start: from, end: to },
    ]);
  });

  it('leaves out what is marked intended, and only that', () => {
    const r = {
      ...daytimeOnly,
      intendedGaps: [intended({ start: local(tz, '2026-01-13T20:00'), end: local(tz, '2026-01-13T22:00') })],
    };
    expect(coverageGaps(r, from, to)).toEqual([
      { side: 'US', kind: 'uncovered', escalation: null, start: from, end: local(tz, '2026-01-13T08:00') },
      { side: 'US', kind: 'uncovered', escalation: null, start: local(tz, '2026-01-13T22:00'), end: to },
    ]);
  });

  it('tells "on duty now" about the gap it is in, with its full extent', () => {
    const at = local(tz, '2026-01-13T23:00');
    const now = onDutyAt(daytimeOnly, at);
    expect(now.US).toEqual([]);
    expect(now.MX.map((c) => c.memberId)).toEqual([mx.id]);
    expect(now.gaps).toEqual([
      {
        side: 'US',
        kind: 'uncovered',
        escalation: null,
        start: local(tz, '2026-01-13T20:00'),
        end: local(tz, '2026-01-14T08:00'),
      },
    ]);
  });
});

describe('escalation order', () => {
  it('lists each side from the first to call, once per person', () => {
    const tz = 'America/Matamoros';
    const [a, b, c] = [member('a', 'MX'), member('b', 'MX'), member('c', 'MX')];
    const r = roster({
      timeZone: tz,
      members: [a, b, c],
      shifts: [
        shift({ side: 'MX', escalation: 3, start: '00:00', end: '00:00', memberId: a.id }),
        shift({ side: 'MX', escalation: 1, start: '00:00', end: '00:00', memberId: b.id }),
        shift({ side: 'MX', escalation: 2, start: '00:00', end: '00:00', memberId: c.id }),
        shift({ side: 'MX', escalation: 4, days: everyDay, start: '06:00', end: '18:00', memberId: b.id }),
      ],
    });
    const mxSide = onDutyAt(r, local(tz, '2026-05-05T12:00')).MX;
    expect(mxSide.map((x) => [x.memberId, x.escalation])).toEqual([
      [b.id, 1],
      [c.id, 2],
      [a.id, 3],
    ]);
  });
});
