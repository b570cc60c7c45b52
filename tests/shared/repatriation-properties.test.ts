import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect } from 'vitest';
import { arrangementBody, personCategories, type CheckBody, type WeeklyWindow } from '@shared/repatriation/contract.js';
import {
  checkRepatriation,
  checkRepatriationOnce,
  prepareRepatriation,
  type EngineArrangement,
  type EnginePort,
  type PlannedMovement,
} from '@shared/repatriation/engine.js';
import { expandWindows } from '@shared/repatriation/windows.js';

/** One zone of each kind on the border: Pacific, no DST (Sonora, Arizona), Mountain, Central with U.S. DST. */
const zones = [
  'America/Tijuana',
  'America/Hermosillo',
  'America/Phoenix',
  'America/Ciudad_Juarez',
  'America/Matamoros',
  'America/Ojinaga',
];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const weeklyWindow: fc.Arbitrary<WeeklyWindow> = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  start: time,
  end: time,
});

/** Arrangements the contract accepts (no overlapping windows, daylight window in order). */
const arrangement = (portIds: string[]): fc.Arbitrary<EngineArrangement> =>
  fc
    .record({
      windows: fc.array(weeklyWindow, { minLength: 1, maxLength: 3 }),
      vulnerableWindow: fc.tuple(time, time).map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a })),
      noticeHours: fc.integer({ min: 0, max: 48 }),
      exConvictHours: fc.integer({ min: 0, max: 96 }),
      exConvictPorts: fc.subarray(portIds),
      capacityPerWindow: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ exConvictHours, exConvictPorts, ...rest }) => ({
      id: 'arr',
      name: 'Property arrangement',
      portIds,
      ...rest,
      exConvict: { noticeHours: exConvictHours, portIds: exConvictPorts },
    }))
    .filter((candidate) => arrangementBody.safeParse(candidate).success);

/** An instant in 2026 near one of the U.S. daylight-saving changes (8 March, 1 November) or in midsummer. */
const instant = fc
  .tuple(
    fc.constantFrom('2026-03-08T10:00:00Z', '2026-11-01T08:00:00Z', '2026-07-15T12:00:00Z'),
    fc.integer({ min: -40 * 60, max: 40 * 60 }),
  )
  .map(([base, minutes]) => Date.parse(base) + minutes * MINUTE);

const iso = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toString();

/**
 * The Contract's definition, read off the wall clock: inside iff the port's wall-clock time lies
 * in a window of the day it starts. Undefined (null) in a repeated hour, where the reading alone
 * can't tell: there the first-occurrence/last-occurrence rules decide (tested case by case).
 */
function insideByWallClock(rules: EngineArrangement, zone: string, at: number): boolean | null {
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  const reading = local.toPlainDateTime();
  if (
    !reading
      .toZonedDateTime(zone, { disambiguation: 'earlier' })
      .equals(reading.toZonedDateTime(zone, { disambiguation: 'later' }))
  )
    return null;
  const clock = local.hour * 60 + local.minute + (local.second + local.millisecond / 1000) / 60;
  const today = local.dayOfWeek;
  const yesterday = today === 1 ? 7 : today - 1;
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return rules.windows.some((w) => {
    const [start, end] = [minutes(w.start), minutes(w.end)];
    if (end > start) return w.days.includes(today) && clock >= start && clock < end;
    return (w.days.includes(today) && clock >= start) || (w.days.includes(yesterday) && clock < end);
  });
}

const portOf = (id: string, zone: string, status: EnginePort['status'] = 'open'): EnginePort => ({
  id,
  usName: id,
  mxName: id,
  mxTimeZone: zone,
  status,
});
const adult: CheckBody['persons'][number] = { nationality: 'MX', category: 'adult_male' };

describe('repatriation engine properties', () => {
  test.prop([arrangement(['p']), fc.constantFrom(...zones), instant], { numRuns: 400 })(
    'an instant checks as inside a window exactly when the port’s wall clock says so',
    (rules, zone, at) => {
      const result = checkRepatriationOnce(
        { arrangements: [rules], ports: [portOf('p', zone)], movements: [] },
        { portId: 'p', at: iso(at), persons: [adult] },
      );
      const outside = result.violations.some((v) => v.code === 'OUTSIDE_WINDOW');
      const inside = insideByWallClock(rules, zone, at);
      if (inside !== null) expect(outside).toBe(!inside);
      if (result.window) expect(Date.parse(result.window.start) <= at && at < Date.parse(result.window.end)).toBe(true);
    },
  );

  test.prop(
    [
      arrangement(['p']),
      fc.constantFrom(...zones),
      instant,
      fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    ],
    { numRuns: 300 },
  )('every instant inside a returned window checks as inside', (rules, zone, from, fraction) => {
    const windows = expandWindows(rules, portOf('p', zone), iso(from), iso(from + 3 * 24 * HOUR));
    for (const window of windows) {
      const [start, end] = [Date.parse(window.start), Date.parse(window.end)];
      const at = start + Math.floor(fraction * (end - start));
      const result = checkRepatriationOnce(
        { arrangements: [rules], ports: [portOf('p', zone)], movements: [] },
        { portId: 'p', at: iso(at), persons: [adult] },
      );
      expect(result.violations.map((v) => v.code)).not.toContain('OUTSIDE_WINDOW');
    }
  });

  // Weighted so that most groups could be allowed somewhere and suggestions get exercised.
  const familyId = fc.option(fc.constantFrom('F-1', 'F-2', 'F-3'), { nil: undefined });
  const plannedFamilyId = fc.option(fc.constantFrom('F-1', 'M-1', 'M-2', 'M-3', 'M-4'), { nil: undefined });
  const personArb = fc.record(
    {
      nationality: fc.oneof(
        { arbitrary: fc.constant('MX'), weight: 15 },
        { arbitrary: fc.constantFrom('GT', 'US'), weight: 1 },
      ),
      category: fc.oneof(
        { arbitrary: fc.constantFrom('adult_male', 'adult_female'), weight: 6 },
        { arbitrary: fc.constantFrom(...personCategories), weight: 4 },
      ),
      familyId,
    },
    { requiredKeys: ['nationality', 'category'] },
  );
  const scenario = fc
    .record({
      zones: fc.tuple(fc.constantFrom(...zones), fc.constantFrom(...zones)),
      statuses: fc.tuple(
        fc.constantFrom<EnginePort['status']>('open', 'open', 'open', 'closed'),
        fc.constantFrom<EnginePort['status']>('open', 'open', 'restricted'),
      ),
      rules: arrangement(['a', 'b']),
      at: instant,
      persons: fc.array(personArb, { minLength: 1, maxLength: 5 }),
      noticeLead: fc.option(fc.integer({ min: -10, max: 120 }), { nil: undefined }),
      movements: fc.array(
        fc.record({
          port: fc.constantFrom('a', 'b'),
          offsetMinutes: fc.integer({ min: -30 * 60, max: 5 * 24 * 60 }),
          persons: fc.array(fc.record({ familyId: plannedFamilyId }), { minLength: 1, maxLength: 5 }),
          status: fc.constantFrom<PlannedMovement['status']>('planned', 'confirmed', 'cancelled'),
        }),
        { maxLength: 8 },
      ),
    })
    .map((s) => {
      const ports = [portOf('a', s.zones[0], s.statuses[0]), portOf('b', s.zones[1], s.statuses[1])];
      const movements: PlannedMovement[] = s.movements.map((m, i) => ({
        id: `m${i}`,
        portId: m.port,
        at: iso(s.at + m.offsetMinutes * MINUTE),
        persons: m.persons,
        status: m.status,
      }));
      const prepared = prepareRepatriation({
        arrangements: [s.rules],
        ports,
        movements,
        from: iso(s.at - 3 * 24 * HOUR),
        to: iso(s.at + 17 * 24 * HOUR),
      });
      const body: CheckBody = { portId: 'a', at: iso(s.at), persons: s.persons };
      if (s.noticeLead !== undefined) body.consularNoticeAt = iso(s.at - s.noticeLead * HOUR);
      return { prepared, body };
    });

  test.prop([scenario], { numRuns: 300 })(
    'every suggested slot, the first above all, checks as allowed at its start',
    ({ prepared, body }) => {
      const { nextWindows } = checkRepatriation(prepared, body);
      for (const slot of nextWindows) {
        const recheck = checkRepatriation(prepared, { ...body, portId: slot.portId, at: slot.start });
        expect(recheck.violations).toEqual([]);
        expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse(body.at));
        expect(Date.parse(slot.start)).toBeLessThan(Date.parse(slot.end));
      }
      const starts = nextWindows.map((slot) => Date.parse(slot.start));
      expect(starts).toEqual([...starts].sort((x, y) => x - y));
    },
  );

  test.prop([scenario, fc.func(fc.integer())], { numRuns: 200 })(
    'violations do not depend on the order of persons, except their indexes',
    ({ prepared, body }, key) => {
      const order = body.persons.map((_, i) => i).sort((x, y) => key(x) - key(y) || x - y);
      const shuffled = { ...body, persons: order.map((i) => body.persons[i]!) };
      const [before, after] = [checkRepatriation(prepared, body), checkRepatriation(prepared, shuffled)];
      const concerned = (result: typeof before, toOriginal: (i: number) => number) =>
        result.violations.map((v) => [v.code, v.personIndexes?.map(toOriginal).sort((x, y) => x - y)]);
      expect(concerned(after, (i) => order[i]!)).toEqual(concerned(before, (i) => i));
      expect(after.allowed).toBe(before.allowed);
      expect(after.nextWindows).toEqual(before.nextWindows);
      expect(after.window).toEqual(before.window);
    },
  );
});
