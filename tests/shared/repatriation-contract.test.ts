import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { countryCodes, isCountryCode } from '@shared/repatriation/countries.js';
import {
  arrangementBody,
  checkBody,
  movementBody,
  scheduleQuery,
  windowsQuery,
} from '@shared/repatriation/contract.js';

const validArrangement = () => ({
  name: 'San Diego – Tijuana (illustrative)',
  portIds: ['san-ysidro', 'otay-mesa'],
  windows: [
    { days: [1, 2, 3, 4, 5], start: '06:00', end: '22:00' },
    { days: [6, 7], start: '08:00', end: '18:00' },
  ],
  vulnerableWindow: { start: '08:00', end: '18:00' },
  noticeHours: 24,
  exConvict: { noticeHours: 72, portIds: ['otay-mesa'] },
  capacityPerWindow: 120,
});

const validCheck = () => ({
  portId: 'san-ysidro',
  at: '2026-06-10T10:00:00-07:00',
  persons: [
    { nationality: 'MX', category: 'adult_male' },
    { nationality: 'MX', category: 'accompanied_minor', familyId: 'F-1' },
  ],
});

/** Each refused field as a dotted path, with the bilingual text a refinement carries. */
function refusals(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({
    path: issue.path.join('.'),
    code: issue.code,
    text: issue.code === 'custom' ? (issue.params as { text: { en: string; es: string } }).text : undefined,
  }));
}

describe('repatriation contract: arrangements', () => {
  it('accepts a well-formed arrangement, with a window past midnight', () => {
    const body = validArrangement();
    body.windows.push({ days: [5], start: '22:00', end: '02:00' });
    expect(arrangementBody.safeParse(body).success).toBe(true);
  });

  it('refuses day 8', () => {
    const body = validArrangement();
    body.windows[0]!.days = [1, 8];
    expect(refusals(arrangementBody, body)).toEqual([
      expect.objectContaining({ path: 'windows.0.days.1', code: 'too_big' }),
    ]);
  });

  it('refuses "25:00" with a bilingual field message', () => {
    const body = validArrangement();
    body.windows[1]!.end = '25:00';
    expect(refusals(arrangementBody, body)).toEqual([
      {
        path: 'windows.1.end',
        code: 'custom',
        text: { en: 'must be a time of day from 00:00 to 23:59', es: 'debe ser una hora del día entre 00:00 y 23:59' },
      },
    ]);
  });

  it('refuses overlapping windows on the windows field, naming the two and the day', () => {
    const body = validArrangement();
    body.windows.push({ days: [3], start: '21:00', end: '23:00' });
    const [refusal] = refusals(arrangementBody, body);
    expect(refusal!.path).toBe('windows');
    expect(refusal!.text!.en).toBe('windows 1 (06:00–22:00) and 3 (21:00–23:00) overlap on Wednesday');
    expect(refusal!.text!.es).toBe('las ventanas 1 (06:00–22:00) y 3 (21:00–23:00) se traslapan el miércoles');
  });

  it('sees an overlap where Sunday night’s window runs into Monday', () => {
    const body = validArrangement();
    body.windows[1] = { days: [7], start: '22:00', end: '07:00' };
    expect(refusals(arrangementBody, body)[0]!.text!.en).toBe(
      'windows 1 (06:00–22:00) and 2 (22:00–07:00) overlap on Monday',
    );
  });

  it('lets windows meet end to start', () => {
    const body = validArrangement();
    body.windows[1] = { days: [1], start: '22:00', end: '06:00' };
    expect(arrangementBody.safeParse(body).success).toBe(true);
  });

  it('refuses a weekday or a port listed twice', () => {
    const body = validArrangement();
    body.windows[0]!.days = [1, 2, 2];
    body.portIds = ['san-ysidro', 'san-ysidro'];
    body.exConvict.portIds = ['san-ysidro'];
    expect(refusals(arrangementBody, body).map((r) => [r.path, r.text?.en])).toEqual([
      ['portIds.1', 'lists san-ysidro twice'],
      ['windows.0.days.2', 'lists 2 twice'],
    ]);
  });

  it('refuses a daylight window that ends before it starts, an unknown zone and ex-convict ports outside the arrangement', () => {
    const body = {
      ...validArrangement(),
      vulnerableWindow: { start: '18:00', end: '08:00' },
      timeZone: 'America/Mexicali',
      exConvict: { noticeHours: 72, portIds: ['tecate'] },
    };
    expect(refusals(arrangementBody, body).map((r) => r.path)).toEqual([
      'timeZone',
      'vulnerableWindow.end',
      'exConvict.portIds.0',
    ]);
  });
});

describe('repatriation contract: checks and movements', () => {
  it('accepts a well-formed check and a movement with its facility', () => {
    expect(checkBody.safeParse(validCheck()).success).toBe(true);
    expect(movementBody.safeParse({ ...validCheck(), fromFacility: 'Otay Mesa Detention Center' }).success).toBe(true);
    expect(refusals(movementBody, validCheck()).map((r) => r.path)).toEqual(['fromFacility']);
  });

  it.each([
    ['an unknown category', { persons: [{ nationality: 'MX', category: 'family_member' }] }, 'persons.0.category'],
    ['a lower-case nationality', { persons: [{ nationality: 'mx', category: 'adult_male' }] }, 'persons.0.nationality'],
    [
      'an unassigned nationality code',
      { persons: [{ nationality: 'XK', category: 'adult_male' }] },
      'persons.0.nationality',
    ],
    ['the unknown-region code', { persons: [{ nationality: 'ZZ', category: 'adult_male' }] }, 'persons.0.nationality'],
    ['no persons', { persons: [] }, 'persons'],
    ['an impossible date', { at: '2026-02-30T10:00:00Z' }, 'at'],
    ['an instant without offset', { at: '2026-06-10T10:00:00' }, 'at'],
    ['a bad notice instant', { consularNoticeAt: 'yesterday' }, 'consularNoticeAt'],
  ])('refuses %s', (_, change, path) => {
    expect(refusals(checkBody, { ...validCheck(), ...change }).map((r) => r.path)).toEqual([path]);
  });

  it('says what a nationality must be, in both languages', () => {
    expect(
      refusals(checkBody, { ...validCheck(), persons: [{ nationality: 'XX', category: 'ill' }] })[0]!.text,
    ).toEqual({
      en: 'must be an ISO 3166-1 country code, e.g. MX',
      es: 'debe ser un código de país ISO 3166-1, p. ej. MX',
    });
  });
});

describe('repatriation contract: queries', () => {
  it('refuses a windows range that ends before it starts or runs past 92 days', () => {
    expect(
      refusals(windowsQuery, { from: '2026-06-10T00:00:00Z', to: '2026-06-09T00:00:00Z' }).map((r) => r.path),
    ).toEqual(['to']);
    expect(
      refusals(windowsQuery, { from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }).map((r) => r.path),
    ).toEqual(['to']);
    expect(
      windowsQuery.safeParse({ port: 'san-ysidro', from: '2026-06-08T00:00:00-07:00', to: '2026-06-15T00:00:00-07:00' })
        .success,
    ).toBe(true);
  });

  it('asks the calendar feed for a port or an arrangement, not both', () => {
    expect(scheduleQuery.safeParse({ port: 'san-ysidro' }).success).toBe(true);
    expect(scheduleQuery.safeParse({ arrangement: 'arr-1' }).success).toBe(true);
    expect(refusals(scheduleQuery, {}).map((r) => r.path)).toEqual(['port']);
    expect(refusals(scheduleQuery, { port: 'a', arrangement: 'b' }).map((r) => r.path)).toEqual(['port']);
  });
});

describe('ISO 3166-1 alpha-2 codes', () => {
  it('are the 249 assigned codes, each a region the platform can name', () => {
    expect(new Set(countryCodes).size).toBe(249);
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const unnamed = countryCodes.filter(
      (code) => !names.of(code) || names.of(code) === code || names.of(code) === names.of('ZZ'),
    );
    expect(unnamed).toEqual([]);
  });

  it('include Mexico and its neighbours, and no reserved codes', () => {
    expect(['MX', 'US', 'GT', 'BZ', 'HN', 'SV'].every(isCountryCode)).toBe(true);
    expect(['EU', 'UN', 'XK', 'ZZ', 'AA', 'UK'].some(isCountryCode)).toBe(false);
  });
});
