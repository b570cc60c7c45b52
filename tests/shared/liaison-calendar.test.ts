import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { dutyIntervals } from '@shared/liaison/rotation.js';
import { onDutyCalendar } from '@server/features/liaison/calendar.js';
import { local, member, roster, shift, transitions } from './liaison-helpers.js';

const tz = 'America/Tijuana';
const [fallBack] = transitions(tz, 2026).slice(1);
const [us1, us2, mx] = [member('u1', 'US'), member('u2', 'US'), member('m1', 'MX')];
const r = roster({
  timeZone: tz,
  members: [us1, us2, mx],
  shifts: [
    shift({ start: '08:00', end: '01:30', memberId: us1.id }),
    shift({ start: '01:30', end: '08:00', memberId: us2.id }),
    // Mexican side covers weekdays only: the weekend shows up as gaps.
    shift({ side: 'MX', days: [1, 2, 3, 4, 5], start: '00:00', end: '00:00', memberId: mx.id }),
  ],
});
// The week around the autumn change, so some shifts end in the repeated hour.
const from = fallBack!.subtract({ days: 3 }).toInstant().toString();
const to = fallBack!.add({ days: 4 }).toInstant().toString();
const stamp = '2026-10-20T12:00:00Z';

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

const iso = (t: ICAL.Time) => new Date(t.toUnixTime() * 1000).toISOString();

describe('on-duty iCalendar feed', () => {
  const ics = onDutyCalendar({ roster: r, mechanismName: 'San Diego – Tijuana', from, to, stamp, language: 'es' });
  const { calendar, events } = parse(ics);
  const duty = events.filter((e) => e.summary.startsWith('De guardia'));
  const gaps = events.filter((e) => !e.summary.startsWith('De guardia'));

  it('has one VEVENT per stretch of duty, at the instants the rotation engine computes', () => {
    const expected = dutyIntervals(r, from, to).filter((i) => i.memberId !== null);
    expect(duty).toHaveLength(expected.length);
    const read = duty.map((e) => [iso(e.startDate), iso(e.endDate)]).sort();
    const want = expected.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]).sort();
    expect(read).toEqual(want);
  });

  it('writes zone times with TZID and its VTIMEZONE, and the repeated 01:30 in UTC so either occurrence reads right', () => {
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([tz]);
    const date = fallBack!.toPlainDate();
    const [first, last] = [local(tz, `${date}T01:30`, 'earlier'), local(tz, `${date}T01:30`, 'later')].map((t) =>
      new Date(t).toISOString(),
    );
    expect(duty.filter((e) => iso(e.startDate) === first)).toHaveLength(1);
    expect(duty.filter((e) => iso(e.endDate) === last)).toHaveLength(1);
    expect(ics).toMatch(/DTSTART:\d{8}T083000Z/);
    expect(ics).toMatch(new RegExp(`DTSTART;TZID=${tz}:`));
  });

  it('shows the Mexican weekend as coverage gaps, in Spanish', () => {
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.every((e) => e.summary === 'Hueco de cobertura (México)')).toBe(true);
  });

  it('marks every event transparent and stamps it in UTC', () => {
    for (const v of calendar.getAllSubcomponents('vevent')) {
      expect(v.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
      expect(String(v.getFirstPropertyValue('dtstamp'))).toBe('2026-10-20T12:00:00Z');
    }
  });

  it('keeps UIDs stable when the feed is read again over another range', () => {
    const later = onDutyCalendar({
      roster: r,
      mechanismName: 'San Diego – Tijuana',
      from: local(tz, `${fallBack!.toPlainDate()}T00:00`),
      to,
      stamp,
      language: 'en',
    });
    const uids = new Set(duty.map((e) => e.uid));
    const again = parse(later).events.filter((e) => e.summary.startsWith('On duty'));
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((e) => uids.has(e.uid))).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});
