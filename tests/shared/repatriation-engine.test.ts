import { describe, expect, it } from 'vitest';
import {
  checkRepatriation,
  checkRepatriationOnce,
  MAX_NEXT_WINDOWS,
  prepareRepatriation,
} from '@shared/repatriation/engine.js';
import type { CheckBody, ViolationCode } from '@shared/repatriation/contract.js';
import {
  californiaData,
  otayMesa,
  people,
  person,
  planned,
  request,
  sanYsidro,
  tecate,
} from './repatriation-factories.js';

type Data = ReturnType<typeof californiaData>;

/** Wednesday 10 June 2026 at Tijuana (PDT, UTC−7): the window is 06:00–22:00, daylight 08:00–18:00. */
const check = (body: Partial<CheckBody> = {}, data: Data = californiaData()) =>
  checkRepatriationOnce(data, request(body));
const codes = (body: Partial<CheckBody> = {}, data?: Data) => check(body, data).violations.map((v) => v.code);

describe('repatriation engine: each rule alone', () => {
  const cases: Array<{
    rule: string;
    body?: Partial<CheckBody>;
    data?: Data;
    code: ViolationCode;
    personIndexes?: number[];
  }> = [
    { rule: 'a port in no arrangement', body: { portId: 'tecate' }, code: 'PORT_NOT_DESIGNATED' },
    { rule: 'an hour outside every window', body: { at: '2026-06-10T23:00:00-07:00' }, code: 'OUTSIDE_WINDOW' },
    {
      rule: 'an unaccompanied minor inside the window but after daylight',
      body: { at: '2026-06-10T20:00:00-07:00', persons: [person({ category: 'unaccompanied_minor' })] },
      code: 'VULNERABLE_OUTSIDE_DAYLIGHT',
      personIndexes: [0],
    },
    {
      rule: 'a pregnant woman and an ill person before daylight',
      body: {
        at: '2026-06-10T07:00:00-07:00',
        persons: [person(), person({ category: 'pregnant' }), person({ category: 'ill' })],
      },
      code: 'VULNERABLE_OUTSIDE_DAYLIGHT',
      personIndexes: [1, 2],
    },
    {
      rule: 'a Guatemalan national',
      body: { persons: [person(), person({ nationality: 'GT' })] },
      code: 'NON_MEXICAN_NATIONAL',
      personIndexes: [1],
    },
    {
      rule: 'part of a family already planned in another movement',
      body: { persons: [person(), person({ familyId: 'F-7' })] },
      data: californiaData({
        movements: [planned({ at: '2026-06-11T09:00:00-07:00', persons: [{ familyId: 'F-7' }] })],
      }),
      code: 'FAMILY_SPLIT',
      personIndexes: [1],
    },
    {
      rule: 'an accompanied minor without an adult of their family',
      body: { persons: [person({ familyId: 'F-1' }), person({ category: 'accompanied_minor', familyId: 'F-2' })] },
      code: 'FAMILY_SPLIT',
      personIndexes: [1],
    },
    {
      rule: 'consular notice 2 h ahead where 24 h are required',
      body: { consularNoticeAt: '2026-06-10T08:00:00-07:00' },
      code: 'CONSULAR_NOTICE_LATE',
    },
    {
      rule: 'an ex-convict with 30 h of notice where 72 h are required',
      body: {
        portId: 'otay-mesa',
        persons: [person({ category: 'ex_convict' })],
        consularNoticeAt: '2026-06-09T04:00:00-07:00',
      },
      code: 'EX_CONVICT_NOTICE_LATE',
      personIndexes: [0],
    },
    {
      rule: 'an ex-convict at a port not designated for them',
      body: { persons: [person(), person({ category: 'ex_convict' })] },
      code: 'EX_CONVICT_PORT',
      personIndexes: [1],
    },
    {
      rule: 'an ex-convict with a minor of their own family',
      body: {
        portId: 'otay-mesa',
        persons: [
          person({ category: 'ex_convict', familyId: 'F-3' }),
          person({ category: 'accompanied_minor', familyId: 'F-3' }),
        ],
      },
      code: 'EX_CONVICT_WITH_MINORS',
      personIndexes: [0, 1],
    },
    {
      rule: 'a closed port',
      data: californiaData({ ports: [sanYsidro({ status: 'closed' }), otayMesa()] }),
      code: 'PORT_CLOSED',
    },
    {
      rule: 'a restricted port',
      data: californiaData({ ports: [sanYsidro({ status: 'restricted' }), otayMesa()] }),
      code: 'PORT_CLOSED',
    },
    {
      rule: '45 planned in the window plus 10 over a capacity of 50',
      body: { persons: people(10) },
      data: californiaData({ movements: [planned({ at: '2026-06-10T07:00:00-07:00', persons: people(45) })] }),
      code: 'CAPACITY_EXCEEDED',
    },
  ];

  it.each(cases)('$rule → $code alone', ({ body, data, code, personIndexes }) => {
    const result = check(body, data);
    expect(result.allowed).toBe(false);
    expect(result.violations.map((v) => v.code)).toEqual([code]);
    expect(result.violations[0]!.personIndexes).toEqual(personIndexes);
    expect(result.violations[0]!.message.en).not.toBe(result.violations[0]!.message.es);
  });

  it('allows an adult Mexican national inside the window at a designated, open port with room', () => {
    const result = check();
    expect(result).toMatchObject({ allowed: true, violations: [] });
    expect(result.window).toEqual({
      portId: 'san-ysidro',
      arrangementId: 'arr-california',
      start: '2026-06-10T06:00:00-07:00',
      end: '2026-06-10T22:00:00-07:00',
      vulnerableStart: '2026-06-10T08:00:00-07:00',
      vulnerableEnd: '2026-06-10T18:00:00-07:00',
    });
  });

  it('does not refuse for a notice not given yet (it is recorded on the movement later)', () => {
    expect(codes({ persons: [person({ category: 'ex_convict' })], portId: 'otay-mesa' })).toEqual([]);
  });

  it('accepts notice given exactly the required hours ahead', () => {
    expect(codes({ consularNoticeAt: '2026-06-09T10:00:00-07:00' })).toEqual([]);
  });

  it('accepts a family travelling together, minors with their adult', () => {
    expect(
      codes({
        persons: [
          person({ category: 'adult_female', familyId: 'F-1' }),
          person({ category: 'accompanied_minor', familyId: 'F-1' }),
        ],
      }),
    ).toEqual([]);
  });
});

describe('repatriation engine: rules combined', () => {
  it('reports every violation present, in the contract order', () => {
    const data = californiaData({
      ports: [sanYsidro({ status: 'closed' }), otayMesa(), tecate()],
      movements: [planned({ at: '2026-06-11T07:00:00-07:00', persons: [{ familyId: 'F-9' }] })],
    });
    const result = check(
      {
        at: '2026-06-10T23:30:00-07:00',
        consularNoticeAt: '2026-06-10T22:00:00-07:00',
        persons: [
          person({ category: 'unaccompanied_minor', nationality: 'HN' }),
          person({ category: 'ex_convict', familyId: 'F-9' }),
          person({ category: 'accompanied_minor' }),
        ],
      },
      data,
    );
    expect(result.violations.map((v) => [v.code, v.personIndexes])).toEqual([
      ['OUTSIDE_WINDOW', undefined],
      ['VULNERABLE_OUTSIDE_DAYLIGHT', [0]],
      ['NON_MEXICAN_NATIONAL', [0]],
      ['FAMILY_SPLIT', [1, 2]],
      ['CONSULAR_NOTICE_LATE', undefined],
      ['EX_CONVICT_NOTICE_LATE', [1]],
      ['EX_CONVICT_PORT', [1]],
      ['EX_CONVICT_WITH_MINORS', [0, 1, 2]],
      ['PORT_CLOSED', undefined],
    ]);
    expect(result).toMatchObject({ allowed: false, nextWindows: [] });
    expect(result.window).toBeUndefined();
  });

  it('gives only the port-level reason at an undesignated port, with the group rules that hold anywhere', () => {
    expect(
      codes({
        portId: 'tecate',
        at: '2026-06-10T23:00:00-07:00',
        persons: [person({ nationality: 'US', category: 'unaccompanied_minor' })],
      }),
    ).toEqual(['PORT_NOT_DESIGNATED', 'NON_MEXICAN_NATIONAL']);
  });

  it('capacity counts neither cancelled movements nor the movement being rescheduled', () => {
    const rescheduled = planned({ id: 'mov-resched', at: '2026-06-10T07:00:00-07:00', persons: people(30) });
    const data = californiaData({
      movements: [
        rescheduled,
        planned({ at: '2026-06-10T08:00:00-07:00', persons: people(30), status: 'cancelled' }),
        planned({ persons: people(15) }),
      ],
    });
    expect(codes({ persons: people(10) }, data)).toEqual(['CAPACITY_EXCEEDED']);
    expect(codes({ persons: people(10), movementId: 'mov-resched' }, data)).toEqual([]);
  });

  it('capacity counts movements in the same window occurrence only', () => {
    const data = californiaData({
      movements: [
        planned({ at: '2026-06-09T12:00:00-07:00', persons: people(45) }),
        planned({ portId: 'otay-mesa', persons: people(45) }),
      ],
    });
    expect(codes({ persons: people(10) }, data)).toEqual([]);
  });

  it('a family already planned is not a split of its own movement (reschedule) nor of a cancelled one', () => {
    const data = californiaData({
      movements: [
        planned({ id: 'mov-fam', persons: [{ familyId: 'F-4' }] }),
        planned({ persons: [{ familyId: 'F-5' }], status: 'cancelled' }),
      ],
    });
    expect(codes({ persons: [person({ familyId: 'F-4' })], movementId: 'mov-fam' }, data)).toEqual([]);
    expect(codes({ persons: [person({ familyId: 'F-5' })] }, data)).toEqual([]);
  });
});

describe('repatriation engine: messages', () => {
  it('names the persons and the time at the port clock, in English and in Spanish (24-hour)', () => {
    const [violation] = check({
      at: '2026-06-10T20:00:00-07:00',
      persons: [person(), person({ category: 'unaccompanied_minor' })],
    }).violations;
    expect(violation!.message.en).toContain('Person 2 (unaccompanied minor)');
    expect(violation!.message.es).toContain('Persona 2 (menor no acompañado)');
    expect(violation!.message.en).toContain('20:00 PDT');
    expect(violation!.message.es).toContain('20:00 PDT');
    expect(violation!.message.en).toContain('08:00–18:00 PDT');
  });

  it('never shows raw codes or 12-hour times in Spanish', () => {
    const data = californiaData({
      ports: [sanYsidro({ status: 'restricted' }), otayMesa(), tecate()],
      movements: [
        planned({ at: '2026-06-11T07:00:00-07:00', persons: [{ familyId: 'F-9' }] }),
        planned({ at: '2026-06-10T19:00:00-07:00', persons: people(50) }),
      ],
    });
    const result = check(
      {
        at: '2026-06-10T21:00:00-07:00',
        consularNoticeAt: '2026-06-10T22:00:00-07:00',
        persons: [
          person({ category: 'pregnant', nationality: 'SV' }),
          person({ category: 'ex_convict', familyId: 'F-9' }),
          person({ category: 'accompanied_minor' }),
        ],
      },
      data,
    );
    expect(result.violations).toHaveLength(9);
    for (const { message } of result.violations) {
      expect(message.es).not.toMatch(/_|\b[ap]\.?\s?m\.?\b|\bPerson\b/);
      expect(message.en).not.toMatch(/_|\bPersona\b/);
    }
    expect(result.violations.find((v) => v.code === 'NON_MEXICAN_NATIONAL')!.message.es).toContain('El Salvador');
    expect(result.violations.find((v) => v.code === 'CONSULAR_NOTICE_LATE')!.message.en).toContain(
      'after the departure',
    );
  });
});

describe('repatriation engine: next allowed windows', () => {
  const pdt = (local: string) => `2026-06-${local}-07:00`;

  it('offers the daylight part of the coming windows to a minor refused at 20:00, at this port first', () => {
    const result = check({ at: pdt('10T20:00:00'), persons: [person({ category: 'unaccompanied_minor' })] });
    expect(result.nextWindows.slice(0, 3)).toEqual([
      { portId: 'san-ysidro', start: pdt('11T08:00:00'), end: pdt('11T18:00:00') },
      { portId: 'otay-mesa', start: pdt('11T08:00:00'), end: pdt('11T18:00:00') },
      { portId: 'san-ysidro', start: pdt('12T08:00:00'), end: pdt('12T18:00:00') },
    ]);
    expect(result.nextWindows).toHaveLength(MAX_NEXT_WINDOWS);
  });

  it('starts at the requested instant when it is allowed', () => {
    expect(check().nextWindows[0]).toEqual({
      portId: 'san-ysidro',
      start: pdt('10T10:00:00'),
      end: pdt('10T22:00:00'),
    });
  });

  it('waits for the notice period when a notice is given', () => {
    const result = check({ consularNoticeAt: pdt('10T08:00:00') });
    expect(result.nextWindows[0]).toEqual({ portId: 'san-ysidro', start: pdt('11T08:00:00'), end: pdt('11T22:00:00') });
  });

  it('offers ex-convicts only their designated ports, after their own notice', () => {
    const result = check({ persons: [person({ category: 'ex_convict' })], consularNoticeAt: pdt('10T09:00:00') });
    expect(result.nextWindows.map((slot) => slot.portId)).toEqual(Array(MAX_NEXT_WINDOWS).fill('otay-mesa'));
    expect(result.nextWindows[0]!.start).toBe(pdt('13T09:00:00'));
  });

  it('skips full windows and closed ports', () => {
    const data = californiaData({
      ports: [sanYsidro(), otayMesa({ status: 'closed' })],
      movements: [planned({ at: pdt('10T07:00:00'), persons: people(45) })],
    });
    const result = check({ persons: people(10) }, data);
    expect(result.violations.map((v) => v.code)).toEqual(['CAPACITY_EXCEEDED']);
    expect(result.nextWindows[0]).toEqual({ portId: 'san-ysidro', start: pdt('11T06:00:00'), end: pdt('11T22:00:00') });
    expect(result.nextWindows.every((slot) => slot.portId === 'san-ysidro')).toBe(true);
  });

  it('offers other ports of the arrangement when the requested one is closed', () => {
    const data = californiaData({ ports: [sanYsidro({ status: 'closed' }), otayMesa()] });
    expect(check({}, data).nextWindows[0]).toEqual({
      portId: 'otay-mesa',
      start: pdt('10T10:00:00'),
      end: pdt('10T22:00:00'),
    });
  });

  it('offers nothing to a group no slot would allow', () => {
    expect(check({ persons: [person({ nationality: 'GT' })] }).nextWindows).toEqual([]);
    expect(check({ portId: 'tecate' }).nextWindows).toEqual([]);
    expect(check({ persons: people(51) }).nextWindows).toEqual([]);
  });

  it('every suggested slot checks as allowed at its start', () => {
    const data = californiaData({ movements: [planned({ at: pdt('11T09:00:00'), persons: people(49) })] });
    const prepared = prepareRepatriation({ ...data, from: '2026-06-08T00:00:00Z', to: '2026-06-30T00:00:00Z' });
    const body = request({
      at: pdt('10T19:00:00'),
      persons: [person({ category: 'pregnant', familyId: 'F-1' }), person({ familyId: 'F-1' })],
    });
    const { nextWindows } = checkRepatriation(prepared, body);
    // San Ysidro is full on the 11th; Otay Mesa has its own capacity.
    expect(nextWindows.slice(0, 2)).toEqual([
      { portId: 'otay-mesa', start: pdt('11T08:00:00'), end: pdt('11T18:00:00') },
      { portId: 'san-ysidro', start: pdt('12T08:00:00'), end: pdt('12T18:00:00') },
    ]);
    for (const slot of nextWindows)
      expect(checkRepatriation(prepared, { ...body, portId: slot.portId, at: slot.start }).allowed).toBe(true);
  });
});

describe('repatriation engine: exercise mode (issue 18) — a check counts only movements of its own kind', () => {
  /** 45 of 50 places taken and family F-9 held, by movements of one kind. */
  const taken = (exercise: boolean | undefined) =>
    californiaData({
      movements: [
        planned({ persons: people(45), ...(exercise === undefined ? {} : { exercise }) }),
        planned({ at: '2026-06-11T09:00:00-07:00', persons: [{ familyId: 'F-9' }], exercise: exercise ?? false }),
      ],
    });
  const cases: Array<{ taken: string; data: Data; checked: boolean | undefined; expected: ViolationCode[] }> = [
    {
      taken: 'real (flag absent)',
      data: taken(undefined),
      checked: undefined,
      expected: ['FAMILY_SPLIT', 'CAPACITY_EXCEEDED'],
    },
    { taken: 'real', data: taken(false), checked: false, expected: ['FAMILY_SPLIT', 'CAPACITY_EXCEEDED'] },
    { taken: 'real', data: taken(false), checked: true, expected: [] },
    { taken: 'real (flag absent)', data: taken(undefined), checked: true, expected: [] },
    { taken: 'drill', data: taken(true), checked: true, expected: ['FAMILY_SPLIT', 'CAPACITY_EXCEEDED'] },
    { taken: 'drill', data: taken(true), checked: false, expected: [] },
    { taken: 'drill', data: taken(true), checked: undefined, expected: [] },
  ];
  it.each(cases)('places and a family taken by $taken movements, checked with exercise=$checked → $expected', (c) => {
    const body = {
      persons: [...people(9), person({ familyId: 'F-9' })],
      ...(c.checked === undefined ? {} : { exercise: c.checked }),
    };
    expect(codes(body, c.data)).toEqual(c.expected);
  });

  it('one preparation answers both kinds: the slots of a drill ignore full real windows', () => {
    const prepared = prepareRepatriation({
      ...californiaData({ movements: [planned({ persons: people(50) })] }),
      from: '2026-06-08T00:00:00Z',
      to: '2026-06-26T00:00:00Z',
    });
    const real = checkRepatriation(prepared, request({ persons: people(5) }));
    const drill = checkRepatriation(prepared, request({ persons: people(5), exercise: true }));
    expect(real.violations.map((v) => v.code)).toEqual(['CAPACITY_EXCEEDED']);
    expect(real.nextWindows[0]?.portId).toBe('otay-mesa');
    expect(drill.allowed).toBe(true);
    expect(drill.nextWindows[0]).toMatchObject({ portId: 'san-ysidro', start: '2026-06-10T10:00:00-07:00' });
  });

  it('a drill rescheduled is not counted against itself, and the same id among real movements is not subtracted', () => {
    const data = californiaData({ movements: [planned({ id: 'drill-1', persons: people(45), exercise: true })] });
    expect(codes({ persons: people(10), exercise: true, movementId: 'drill-1' }, data)).toEqual([]);
    expect(codes({ persons: people(10), exercise: true }, data)).toEqual(['CAPACITY_EXCEEDED']);
  });
});
