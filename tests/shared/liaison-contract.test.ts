import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  areaBody,
  commitmentBody,
  contactBodyFor,
  meetingBody,
  memberBody,
  overrideBody,
  overrideFieldErrors,
  rotationBody,
  rotationFieldErrors,
  shiftBody,
} from '@shared/liaison/contract.js';
import { isOverdue, mechanismFlagsAt, noWorkingContact, notVerified } from '@shared/liaison/flags.js';
import { checkPhone, formatPhone, telUri } from '@shared/liaison/phone.js';
import type { WeeklyShift } from '@shared/liaison/week.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { local, member, roster, shift } from './liaison-helpers.js';

/** What the error handler sends for a failed body: dotted path + the bilingual message the refinement carried. */
function fieldsOf(result: z.ZodSafeParseResult<unknown>) {
  return (result.error?.issues ?? []).map((i) => ({
    ...describeIssue(i),
    suggestion: (i as { params?: { suggestion?: string } }).params?.suggestion,
  }));
}

const officer = {
  name: 'Ana Lucía Ramírez Soto',
  familyName: 'Ramírez Soto',
  role: 'consul',
  agency: 'Consulado General de México en San Diego',
  country: 'MX' as const,
};

describe('member contacts', () => {
  it('stores phones as E.164, reading a number without "+" in the member’s country', () => {
    const parsed = memberBody.parse({
      ...officer,
      contacts: [
        { kind: 'phone', label: 'oficina', value: '664 000 0101' },
        { kind: 'phone', label: 'U.S. desk', value: '+1 (619) 555-0142' },
        { kind: 'email', value: 'ana.ramirez@consulado.example' },
        { kind: 'radio', label: 'Canal', value: 'Canal 7' },
      ],
    });
    expect(parsed.contacts.map((c) => c.value)).toEqual([
      '+526640000101',
      '+16195550142',
      'ana.ramirez@consulado.example',
      'Canal 7',
    ]);
    expect(parsed.contacts.every((c) => c.working)).toBe(true);
  });

  it('refuses an invalid phone and an invalid email with field messages in both languages', () => {
    const fields = fieldsOf(
      memberBody.safeParse({
        ...officer,
        contacts: [
          { kind: 'email', value: 'ana@@consulado' },
          { kind: 'phone', value: '664 12' },
        ],
      }),
    );
    expect(fields.map((f) => f.path)).toEqual(['contacts.0.value', 'contacts.1.value']);
    expect(fields[0]!.message).toEqual({
      en: 'is not a valid email address',
      es: 'no es una dirección de correo válida',
    });
    expect(fields[1]!.message?.es).toMatch(/no es un número de teléfono válido/);
  });

  it('refuses the pre-2019 Mexican mobile form "+52 1 …" and offers the number without the 1', () => {
    const fields = fieldsOf(
      memberBody.safeParse({ ...officer, contacts: [{ kind: 'phone', value: '+52 1 664 123 4567' }] }),
    );
    expect(fields).toEqual([
      {
        path: 'contacts.0.value',
        suggestion: '+526641234567',
        message: {
          en: expect.stringContaining('use +52 664 123 4567'),
          es: expect.stringContaining('use +52 664 123 4567'),
        },
      },
    ]);
    expect(checkPhone('044 664 123 4567', 'MX')).toEqual({
      ok: false,
      reason: 'old_mexican_mobile',
      suggestion: '+526641234567',
    });
  });

  it('reads a number without "+" in the member’s country: the same ten digits are a U.S. or a Mexican number', () => {
    expect(contactBodyFor('US').parse({ kind: 'phone', value: '(619) 555-0123' }).value).toBe('+16195550123');
    expect(contactBodyFor('MX').parse({ kind: 'phone', value: '619 555 0123' }).value).toBe('+526195550123');
    expect(contactBodyFor('MX').safeParse({ kind: 'phone', value: '555 0123' }).success).toBe(false);
  });

  it('shows numbers in the national format of their country to its readers, international to the others', () => {
    expect(formatPhone('+16195550123', 'US')).toBe('(619) 555-0123');
    expect(formatPhone('+526640000101', 'MX')).toBe('664 000 0101');
    expect(formatPhone('+526640000101', 'US')).toBe('+52 664 000 0101');
    expect(telUri('+526640000101')).toBe('tel:+526640000101');
  });
});

describe('rotation bodies', () => {
  const day = (fields: Partial<WeeklyShift>): WeeklyShift => ({
    side: 'US',
    escalation: 1,
    days: [1, 2, 3, 4, 5],
    start: '08:00',
    end: '20:00',
    memberId: 'm1',
    ...fields,
  });

  it('refuses "25:00" and day 8 with messages that say what is allowed', () => {
    const fields = fieldsOf(shiftBody.safeParse(day({ start: '25:00', days: [1, 8] })));
    expect(fields.map((f) => f.path).sort()).toEqual(['days.1', 'start']);
    expect(fields.find((f) => f.path === 'start')!.message!.es).toBe('debe ser una hora del día entre 00:00 y 23:59');
    expect(fields.find((f) => f.path === 'days.1')!.message!.en).toBe('days go from 1 (Monday) to 7 (Sunday)');
    expect(fieldsOf(shiftBody.safeParse(day({ end: '24:00' })))[0]!.path).toBe('end');
  });

  it('refuses two shifts at the same side and call order that meet on the wall clock', () => {
    const fields = fieldsOf(
      rotationBody.safeParse({ shifts: [day({}), day({ days: [5], start: '19:00', end: '07:00', memberId: 'm2' })] }),
    );
    expect(fields).toEqual([
      {
        path: 'shifts.1.start',
        suggestion: undefined,
        message: {
          en: 'overlaps shift 1 on the same side and call order',
          es: 'se traslapa con el turno 1 del mismo lado y orden de llamada',
        },
      },
    ]);
  });

  it('accepts a handoff at the same minute, the other side, or another call order at the same time', () => {
    const ok = rotationBody.safeParse({
      shifts: [
        day({}),
        day({ start: '20:00', end: '08:00', memberId: 'm2' }),
        day({ side: 'MX', memberId: 'm3' }),
        day({ escalation: 2, memberId: 'm4' }),
      ],
    });
    expect(ok.success).toBe(true);
  });

  it('finds the overlap of a Sunday night shift with Monday morning across the week’s end', () => {
    const fields = fieldsOf(
      rotationBody.safeParse({
        shifts: [
          day({ days: [7], start: '22:00', end: '06:00' }),
          day({ days: [1], start: '05:00', end: '09:00', memberId: 'm2' }),
        ],
      }),
    );
    expect(fields.map((f) => f.path)).toEqual(['shifts.1.start']);
  });

  it('refuses one person on two shifts at once, whatever the call order', () => {
    expect(rotationFieldErrors([day({}), day({ escalation: 2, days: [3], start: '12:00', end: '13:00' })])).toEqual([
      {
        path: 'shifts.1.start',
        message: {
          en: 'puts the same person on two shifts at once (shift 1)',
          es: 'pone a la misma persona en dos turnos a la vez (turno 1)',
        },
      },
    ]);
  });

  it('refuses an assignee who is not a member or sits on the other side', () => {
    const members = [
      { id: 'm1', country: 'US' as const },
      { id: 'mx1', country: 'MX' as const },
    ];
    const errors = rotationFieldErrors(
      [day({ memberId: 'ghost' }), day({ side: 'US', escalation: 2, memberId: 'mx1' })],
      members,
    );
    expect(errors.map((e) => [e.path, e.message.en])).toEqual([
      ['shifts.0.memberId', 'is not a member of this mechanism'],
      ['shifts.1.memberId', 'belongs to the other country’s side of this mechanism'],
    ]);
  });

  it('refuses overrides that end before they start, and overlapping overrides at one call order', () => {
    const start = '2026-01-13T20:00:00-08:00';
    expect(
      fieldsOf(overrideBody.safeParse({ side: 'US', start, end: '2026-01-13T19:00:00-08:00', memberId: 'm1' })).map(
        (f) => f.path,
      ),
    ).toEqual(['end']);
    const o = { side: 'US' as const, escalation: 1, start, end: '2026-01-14T08:00:00-08:00' };
    expect(
      overrideFieldErrors([o, { ...o, start: '2026-01-14T07:00:00-08:00', end: '2026-01-14T09:00:00-08:00' }]).map(
        (e) => e.path,
      ),
    ).toEqual(['overrides.1.start']);
    expect(overrideFieldErrors([o, { ...o, escalation: 2 }])).toEqual([]);
  });
});

describe('meetings and commitments', () => {
  it('takes a wall-clock start with its zone and refuses impossible dates and unknown zones', () => {
    expect(
      meetingBody.safeParse({
        startsAt: '2026-07-09T10:00',
        timeZone: 'America/Tijuana',
        place: 'Garita de San Ysidro',
      }).success,
    ).toBe(true);
    const fields = fieldsOf(
      meetingBody.safeParse({ startsAt: '2026-02-30T10:00', timeZone: 'America/Mexicali', place: 'x' }),
    );
    expect(fields.map((f) => f.path).sort()).toEqual(['startsAt', 'timeZone']);
    expect(fieldsOf(commitmentBody.safeParse({ text: 'x', owner: 'y', dueDate: '2026-13-01' }))[0]!.path).toBe(
      'dueDate',
    );
  });

  it('flags a commitment overdue once its due date is over in the mechanism’s zone', () => {
    const c = { done: false, dueDate: '2026-07-09' };
    expect(isOverdue(c, local('America/Tijuana', '2026-07-09T23:59'), 'America/Tijuana')).toBe(false);
    expect(isOverdue(c, local('America/Tijuana', '2026-07-10T00:00'), 'America/Tijuana')).toBe(true);
    expect(isOverdue({ ...c, done: true }, local('America/Tijuana', '2026-08-01T00:00'), 'America/Tijuana')).toBe(
      false,
    );
  });
});

describe('mechanism areas drawn by an admin', () => {
  it('refuses a polygon that crosses itself', () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [-117, 32],
          [-116, 33],
          [-116, 32],
          [-117, 33],
          [-117, 32],
        ],
      ],
    };
    expect(fieldsOf(areaBody.safeParse({ area: bowTie }))).toEqual([
      {
        path: 'area.coordinates',
        suggestion: undefined,
        message: {
          en: expect.stringMatching(/^the outline crosses itself near latitude 32\.5, longitude -116\.5$/),
          es: expect.stringMatching(/cruza/),
        },
      },
    ]);
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [-117, 32],
          [-116, 32],
          [-116, 33],
          [-117, 33],
          [-117, 32],
        ],
      ],
    };
    expect(areaBody.safeParse({ area: square }).success).toBe(true);
  });

  it('refuses rings that could not be tested against: open, out of range, or enclosing nothing', () => {
    const ring = (positions: number[][]) => ({ area: { type: 'Polygon', coordinates: [positions] } });
    const open = ring([
      [-117, 32],
      [-116, 32],
      [-116, 33],
      [-117, 33],
    ]);
    // Latitude and longitude the wrong way round: a latitude of −117°.
    const swapped = ring([
      [32, -117],
      [33, -116],
      [32, -116],
      [32, -117],
    ]);
    const flat = ring([
      [-117, 32],
      [-116, 32],
      [-117, 32],
      [-117, 32],
    ]);
    const english = (body: unknown) => fieldsOf(areaBody.safeParse(body)).map((f) => `${f.path}: ${f.message.en}`);
    expect(english(open)).toEqual(['area.coordinates.0: must end at the position where it starts']);
    expect(english(swapped)[0]).toMatch(/^area\.coordinates\.0: has a position outside longitude/);
    expect(english(flat)).toEqual(['area.coordinates.0: must enclose an area: at least three different positions']);
  });
});

describe('member and mechanism flags', () => {
  const at = '2026-06-01T12:00:00Z';

  it('flags members not verified for 90 days and members with no working contact', () => {
    expect(notVerified({ verifiedAt: '2026-03-03T12:00:00Z' }, at)).toBe(false); // 90 days
    expect(notVerified({ verifiedAt: '2026-03-02T12:00:00Z' }, at)).toBe(true);
    const m = member('x', 'US');
    expect(noWorkingContact(m)).toBe(false);
    expect(noWorkingContact({ contacts: m.contacts.map((c) => ({ ...c, working: false })) })).toBe(true);
    expect(noWorkingContact({ contacts: [] })).toBe(true);
  });

  it('flags a mechanism with an unintended gap in the next 7 days, and not one covered round the clock', () => {
    const [us, mx] = [
      { ...member('u', 'US'), verifiedAt: at },
      { ...member('m', 'MX'), verifiedAt: '2025-01-01T00:00:00Z' },
    ];
    const covered = roster({
      timeZone: 'America/Tijuana',
      members: [us, mx],
      shifts: [
        shift({ start: '00:00', end: '00:00', memberId: us.id }),
        shift({ side: 'MX', start: '00:00', end: '00:00', memberId: mx.id }),
      ],
    });
    expect(mechanismFlagsAt(covered, [{ done: false, dueDate: '2026-05-01' }], at)).toEqual({
      coverageGap: false,
      membersNotVerified: 1,
      membersWithoutWorkingContact: 0,
      overdueCommitments: 1,
    });
    const sundayOff = {
      ...covered,
      shifts: [shift({ days: [1, 2, 3, 4, 5, 6], start: '00:00', end: '00:00', memberId: us.id }), covered.shifts[1]!],
    };
    expect(mechanismFlagsAt(sundayOff, [], at).coverageGap).toBe(true);
  });
});
