import { describe, expect, it } from 'vitest';
import { advisoryAudience } from '@shared/advisories/events.js';
import { isActive, mechanismsTouched, missingLanguages } from '@shared/advisories/rules.js';
import { advisoryPolygon } from '@shared/advisories/contract.js';
import { describeIssue } from '@shared/i18n/validation.js';
import { audienceIncludes } from '@shared/audience.js';
import type { PolygonGeometry } from '@shared/reference/contract.js';
import { capSchemaAvailable, capSchemaErrors } from '../helpers/cap-schema.js';

const ring = (...points: Array<[number, number]>): PolygonGeometry => ({ type: 'Polygon', coordinates: [points] });
const square = ring([0, 0], [1, 0], [1, 1], [0, 1], [0, 0]);

describe('advisory rules', () => {
  it.each([
    ['a closed square', square, null],
    ['an open ring', ring([0, 0], [1, 0], [1, 1], [0, 1]), ['coordinates.0', /ring 1 is open/]],
    ['a triangle without its closing point', ring([0, 0], [1, 0], [0, 0]), ['coordinates.0', /has 3 positions/]],
    ['a bow-tie', ring([0, 0], [1, 1], [1, 0], [0, 1], [0, 0]), ['coordinates', /crosses itself near latitude 0\.5/]],
    ['a point off the globe', ring([0, 0], [200, 0], [1, 1], [0, 0]), ['coordinates.0.1', /off the Earth/]],
  ] as const)(
    'a drawn advisory polygon: %s (the console’s polygon rules, where they fail)',
    (_name, polygon, refusal) => {
      const parsed = advisoryPolygon.safeParse(polygon);
      if (!refusal) return expect(parsed.success).toBe(true);
      expect(parsed.error?.issues.map((issue) => describeIssue(issue))).toContainEqual({
        path: refusal[0],
        message: expect.objectContaining({ en: expect.stringMatching(refusal[1]) }),
      });
    },
  );

  it('needs both languages to publish, blank text counting as missing', () => {
    expect(missingLanguages({ en: 'Heat', es: 'Calor' })).toEqual([]);
    expect(missingLanguages({ en: 'Heat', es: '  ' })).toEqual(['es']);
    expect(missingLanguages({ en: null, es: null })).toEqual(['en', 'es']);
  });

  it('touches the mechanisms whose areas a shape overlaps, not those it misses', () => {
    const near = { mechanismId: 'near', area: ring([0.5, 0.5], [2, 0.5], [2, 2], [0.5, 2], [0.5, 0.5]) };
    const far = { mechanismId: 'far', area: ring([5, 5], [6, 5], [6, 6], [5, 6], [5, 5]) };
    expect(mechanismsTouched([square], [near, far])).toEqual(['near']);
  });

  it('is active from publication until validTo', () => {
    const advisory = { status: 'published' as const, validTo: '2026-07-04T12:00:00Z' };
    expect(isActive(advisory, new Date('2026-07-04T11:59:59Z'))).toBe(true);
    expect(isActive(advisory, new Date('2026-07-04T12:00:00Z'))).toBe(false);
    expect(isActive({ ...advisory, status: 'draft' }, new Date('2026-07-04T11:00:00Z'))).toBe(false);
  });

  it('reaches the officers of touched mechanisms and the overseers, no one else', () => {
    const audience = advisoryAudience({ mechanismIds: ['nogales-nogales'] });
    const officer = (mechanismId: string | null, role: 'liaison' | 'central' = 'liaison') => ({
      id: 'u',
      role,
      country: 'MX' as const,
      mechanismId,
    });
    expect(audienceIncludes(officer('nogales-nogales'), audience)).toBe(true);
    expect(audienceIncludes(officer('laredo-nuevo-laredo'), audience)).toBe(false);
    expect(audienceIncludes(officer(null, 'central'), audience)).toBe(true);
    expect(audienceIncludes(officer('laredo-nuevo-laredo'), advisoryAudience({ mechanismIds: [] }))).toBe(false);
  });

  it.skipIf(!capSchemaAvailable)('the schema check bites: a UTC time written with Z is refused', () => {
    const message = (sent: string) => `<?xml version="1.0"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender>
<sent>${sent}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>`;
    expect(capSchemaErrors(message('2026-07-04T12:00:00-00:00'))).toBeNull();
    expect(capSchemaErrors(message('2026-07-04T12:00:00Z'))).toMatch(/sent/);
  });
});
