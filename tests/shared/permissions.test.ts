import { describe, expect, it } from 'vitest';
import { roles, type Role } from '@shared/auth.js';
import { can, permissions, type Permission, type ScopedSubject } from '@shared/permissions.js';

const OFFICER_ID = '00000000-0000-4000-8000-000000000001';
const officer = (role: Role, mechanismId: string | null = 'san-diego-tijuana') => ({
  id: OFFICER_ID,
  role,
  mechanismId,
});
const here = { mechanismId: 'san-diego-tijuana' };
const elsewhere = { mechanismId: 'laredo-nuevo-laredo' };
/** Elsewhere, reported by the officer themselves. */
const reportedElsewhere = { mechanismId: 'laredo-nuevo-laredo', reportedBy: OFFICER_ID };

describe('the permission matrix', () => {
  it.each<[Permission, Role[]]>([
    ['incident.report', ['consular', 'liaison', 'supervisor', 'central', 'admin']],
    ['incident.acknowledge', ['consular', 'liaison', 'supervisor', 'central', 'admin']],
    ['escalation.read', ['supervisor', 'central', 'admin']],
    ['investigation.followUp', ['supervisor', 'central', 'admin']],
    ['audit.read', ['supervisor', 'admin']],
    ['reference.read', ['consular', 'liaison', 'supervisor', 'central', 'admin']],
  ])('%s is granted to %j', (permission, granted) => {
    expect(roles.filter((role) => can(officer(role), permission))).toEqual(granted);
  });

  it.each<[string, Permission, ReturnType<typeof officer>, ScopedSubject | undefined, boolean]>([
    ['a scoped officer reports anywhere', 'incident.report', officer('liaison'), elsewhere, true],
    [
      'a scoped officer reads what they reported elsewhere',
      'incident.read',
      officer('liaison'),
      reportedElsewhere,
      true,
    ],
    ['a scoped officer reads nothing else elsewhere', 'incident.read', officer('liaison'), elsewhere, false],
    [
      'a scoped officer does not edit what they reported elsewhere',
      'incident.edit',
      officer('liaison'),
      reportedElsewhere,
      false,
    ],
    [
      'a scoped officer does not acknowledge what they reported elsewhere',
      'incident.acknowledge',
      officer('liaison'),
      reportedElsewhere,
      false,
    ],
    ['a scoped officer edits an incident of their mechanism', 'incident.edit', officer('liaison'), here, true],
    ['a scoped officer edits one elsewhere', 'incident.edit', officer('liaison'), elsewhere, false],
    ['an unscoped officer edits one anywhere', 'incident.edit', officer('consular', null), elsewhere, true],
    ['a supervisor edits one anywhere', 'incident.edit', officer('supervisor', 'san-diego-tijuana'), elsewhere, true],
    ['the role alone, without a subject', 'incident.edit', officer('liaison'), undefined, true],
    ['an unscoped permission ignores the subject', 'reference.read', officer('liaison'), elsewhere, true],
    ['a role without the permission, whatever the subject', 'audit.read', officer('central'), here, false],
  ])('%s: %s', (_case, permission, user, subject, allowed) => {
    expect(can(user, permission, subject)).toBe(allowed);
  });

  it('grants nothing without a user', () => {
    for (const permission of Object.keys(permissions) as Permission[]) expect(can(null, permission)).toBe(false);
  });
});
