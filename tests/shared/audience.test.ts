import { describe, expect, it } from 'vitest';
import { audience, audienceIncludes, everyone, type Audience, type AudienceMember } from '@shared/audience.js';
import { incidentAudience } from '@shared/incidents/events.js';

const sanDiego = 'san-diego-tijuana';
const users: Record<string, AudienceMember> = {
  usLiaison: { id: 'u-liaison', role: 'liaison', country: 'US', mechanismId: sanDiego },
  mxConsul: { id: 'u-consul', role: 'consular', country: 'MX', mechanismId: sanDiego },
  laredoConsul: { id: 'u-laredo', role: 'consular', country: 'MX', mechanismId: 'laredo-nuevo-laredo' },
  unscopedConsul: { id: 'u-unscoped', role: 'consular', country: 'MX', mechanismId: null },
  usCentral: { id: 'u-central-us', role: 'central', country: 'US', mechanismId: null },
  mxSupervisor: { id: 'u-sup-mx', role: 'supervisor', country: 'MX', mechanismId: null },
};
const all = Object.keys(users);

describe('who is in an audience', () => {
  it.each<[string, Audience, string[]]>([
    ['everyone', everyone, all],
    ['no one', [], []],
    // The mechanism clause is the scope rule: its officers, unscoped users and the overseers.
    [
      'a mechanism',
      [{ mechanismIds: [sanDiego] }],
      ['usLiaison', 'mxConsul', 'unscopedConsul', 'usCentral', 'mxSupervisor'],
    ],
    [
      'either of two mechanisms',
      [{ mechanismIds: [sanDiego, 'laredo-nuevo-laredo'] }],
      ['usLiaison', 'mxConsul', 'laredoConsul', 'unscopedConsul', 'usCentral', 'mxSupervisor'],
    ],
    ['the central desks', [{ roles: ['central'] }], ['usCentral']],
    [
      'the MX side of a mechanism',
      [{ mechanismIds: [sanDiego], countries: ['MX'] }],
      ['mxConsul', 'unscopedConsul', 'mxSupervisor'],
    ],
    ['one user', [{ userIds: ['u-laredo'] }], ['laredoConsul']],
    ['the central desks or one user', [{ roles: ['central'] }, { userIds: ['u-liaison'] }], ['usLiaison', 'usCentral']],
    ['a role and a country together', [{ roles: ['consular'], countries: ['US'] }], []],
  ])('%s', (_name, clauses, expected) => {
    expect(audience.parse(clauses)).toEqual(clauses);
    const included = all.filter((name) => audienceIncludes(users[name]!, clauses));
    expect(included).toEqual(expected);
  });

  it('refuses clauses with unknown fields or empty sets', () => {
    expect(audience.safeParse([{ mechanism: sanDiego }]).success).toBe(false);
    expect(audience.safeParse([{ roles: [] }]).success).toBe(false);
  });

  it.each<[string, { mechanismId: string | null; reportedBy: string }, string[]]>([
    [
      'in San Diego – Tijuana, reported by a Laredo consul',
      { mechanismId: sanDiego, reportedBy: 'u-laredo' },
      ['usLiaison', 'mxConsul', 'laredoConsul', 'unscopedConsul', 'usCentral', 'mxSupervisor'],
    ],
    ['with no mechanism', { mechanismId: null, reportedBy: 'u-liaison' }, ['usLiaison', 'usCentral', 'mxSupervisor']],
  ])('an incident %s reaches its readers and its reporter', (_name, incident, expected) => {
    const included = all.filter((name) => audienceIncludes(users[name]!, incidentAudience(incident)));
    expect(included).toEqual(expected);
  });
});
