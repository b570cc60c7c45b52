import { describe, expect, it } from 'vitest';
import { movementRefusal, RECEPTION_LEAD_HOURS, receptionOpensAt } from '@shared/repatriation/access.js';
import type { CheckBody, Movement } from '@shared/repatriation/contract.js';
import {
  checkRepatriationOnce,
  PLANNING_GRACE_HOURS,
  PLANNING_HORIZON_DAYS,
  planningBounds,
} from '@shared/repatriation/engine.js';
import { formatWhen, formatWindow } from '@shared/repatriation/messages.js';
import { californiaData, person, request } from './repatriation-factories.js';

/** Issue 23: what officers must be able to trust — the planned time, its year, and when reception can be confirmed. */

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Wednesday 10 June 2026, 09:00 at Tijuana (PDT). */
const NOW = Date.parse('2026-06-10T09:00:00-07:00');
const TIJUANA = 'America/Tijuana';

const check = (body: Partial<CheckBody>) => checkRepatriationOnce(californiaData(), request(body), NOW);
const iso = (ms: number) => new Date(ms).toISOString();

describe('planning bounds', () => {
  it('run from an hour before now to 180 days ahead', () => {
    expect([PLANNING_GRACE_HOURS, PLANNING_HORIZON_DAYS]).toEqual([1, 180]);
    expect(planningBounds(NOW)).toEqual({ earliest: NOW - HOUR, latest: NOW + 180 * 24 * HOUR });
  });

  it.each([
    { case: 'half an hour ago (a movement under way)', at: NOW - 30 * MINUTE, refused: false },
    { case: 'exactly the grace hour ago', at: NOW - HOUR, refused: false },
    { case: 'a minute before the grace hour', at: NOW - HOUR - MINUTE, refused: true },
    { case: 'exactly 180 days ahead', at: NOW + 180 * 24 * HOUR, refused: false },
    { case: 'a minute past 180 days ahead', at: NOW + 180 * 24 * HOUR + MINUTE, refused: true },
  ])('$case → refused: $refused', ({ at, refused }) => {
    const codes = check({ at: iso(at) }).violations.map((v) => v.code);
    expect(codes).toEqual(refused ? ['TIME_OUT_OF_RANGE'] : []);
  });

  it('refuses 1999 with the bound in both languages, and shows the year', () => {
    const result = check({ at: '1999-01-01T10:00:00-08:00' });
    expect(result.allowed).toBe(false);
    expect(result.violations.map((v) => v.code)).toEqual(['TIME_OUT_OF_RANGE']);
    const { message } = result.violations[0]!;
    expect(message.en).toBe(
      'Fri, Jan 1, 1999, 10:00 PST has already passed: a movement is planned from 1 h before now (Wed, Jun 10, 08:00 PDT) up to 180 days ahead.',
    );
    expect(message.es).toContain('1999');
    expect(message.es).toContain('ya pasó');
    expect(message.es).toContain('1 h antes del momento actual');
    // A time in the past is no slot to move to.
    expect(result.nextWindows).toEqual([]);
  });

  it('refuses 2099 with the horizon in both languages, and shows the year', () => {
    const { violations } = check({ at: '2099-01-02T10:00:00-08:00' });
    expect(violations.map((v) => v.code)).toEqual(['TIME_OUT_OF_RANGE']);
    expect(violations[0]!.message.en).toBe(
      'Fri, Jan 2, 2099, 10:00 PST is more than 180 days ahead: a movement is planned at most 180 days ahead (until Mon, Dec 7, 08:00 PST).',
    );
    expect(violations[0]!.message.es).toContain('2099');
    expect(violations[0]!.message.es).toContain('un máximo de 180 días de anticipación');
  });

  it('suggests no slot beyond the horizon', () => {
    const latest = planningBounds(NOW).latest;
    // An unaccompanied minor at 20:00 the evening before the horizon: the daylight slots after it are too far.
    const result = check({
      at: '2026-12-06T20:00:00-08:00',
      persons: [person({ category: 'unaccompanied_minor' })],
    });
    expect(result.violations.map((v) => v.code)).toEqual(['VULNERABLE_OUTSIDE_DAYLIGHT']);
    expect(result.nextWindows.length).toBeGreaterThan(0);
    for (const slot of result.nextWindows) expect(Date.parse(slot.start)).toBeLessThanOrEqual(latest);
  });

  it('is not applied without the present (callers that only ask about windows)', () => {
    expect(checkRepatriationOnce(californiaData(), request({ at: '1999-01-01T10:00:00-08:00' })).violations).toEqual(
      [],
    );
  });
});

describe('dates of another year', () => {
  const jan1999 = Date.parse('1999-01-01T10:00:00-08:00');
  const jun2026 = Date.parse('2026-06-12T10:00:00-07:00');

  it('show their year; dates of the current year do not', () => {
    expect(formatWhen(jan1999, TIJUANA, 'en', NOW)).toBe('Fri, Jan 1, 1999, 10:00 PST');
    expect(formatWhen(jan1999, TIJUANA, 'es', NOW)).toMatch(/1999.*10:00 PST$/);
    expect(formatWhen(jun2026, TIJUANA, 'en', NOW)).toBe('Fri, Jun 12, 10:00 PDT');
    expect(formatWindow(jan1999, jan1999 + 2 * HOUR, TIJUANA, 'en', NOW)).toBe('Fri, Jan 1, 1999, 10:00–12:00 PST');
  });

  it('the year is the port’s: New Year’s Eve at Tijuana is still this year when UTC has moved on', () => {
    const eve = Date.parse('2026-12-31T20:00:00-08:00');
    expect(formatWhen(eve, TIJUANA, 'en', NOW)).toBe('Thu, Dec 31, 20:00 PST');
  });
});

describe('confirming reception', () => {
  const mxConsul = { id: 'u1', role: 'consular', country: 'MX', mechanismId: 'san-diego-tijuana' } as const;
  const movement: Pick<Movement, 'mechanismId' | 'status' | 'consularNotice' | 'plannedBy' | 'at'> = {
    mechanismId: 'san-diego-tijuana',
    status: 'planned',
    consularNotice: null,
    plannedBy: { id: 'u2', name: 'Planner' },
    at: '2026-06-14T10:00:00-07:00',
  };

  it(`opens ${RECEPTION_LEAD_HOURS} hours before the planned time`, () => {
    const opens = receptionOpensAt(movement);
    expect(opens).toBe(Date.parse('2026-06-14T08:00:00-07:00'));
    // Saturday 06:28 for a movement planned Sunday 10:00: refused.
    expect(movementRefusal(mxConsul, 'confirm', movement, Date.parse('2026-06-13T06:28:00-07:00'))).toBe(
      'receptionTooEarly',
    );
    expect(movementRefusal(mxConsul, 'confirm', movement, opens - 1)).toBe('receptionTooEarly');
    expect(movementRefusal(mxConsul, 'confirm', movement, opens)).toBeNull();
    expect(movementRefusal(mxConsul, 'confirm', movement, opens + 24 * HOUR)).toBeNull();
  });

  it('gives the other reasons first, and leaves the other steps alone', () => {
    const early = Date.parse('2026-06-13T06:28:00-07:00');
    expect(movementRefusal({ ...mxConsul, country: 'US' }, 'confirm', movement, early)).toBe('receptionGovernment');
    expect(movementRefusal(mxConsul, 'confirm', { ...movement, status: 'cancelled' }, early)).toBe('notPlanned');
    expect(movementRefusal(mxConsul, 'notice', movement, early)).toBeNull();
  });
});
