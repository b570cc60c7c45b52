import { overseeingRoles, roles, inMechanismScope, type Role, type SessionUser } from '@shared/auth.js';

/**
 * Stand-in for the shared permission matrix (`shared/permissions.ts`, issue 13 item 5):
 * same names, same `can()`, so pointing this module at the shared one changes no caller.
 */
export type Permission =
  | 'incident.report'
  | 'incident.edit'
  | 'incident.acknowledge'
  | 'investigation.edit'
  | 'centralDesk.view'
  | 'investigations.view';

/** Who may, by role; the routes' `authorize(...)` on the server say the same. */
const allowed: Record<Permission, readonly Role[]> = {
  'incident.report': roles,
  'incident.edit': roles,
  'incident.acknowledge': roles,
  'investigation.edit': roles,
  // Plan of Action V: central authorities (Washington – Mexico City) and those who oversee them.
  'centralDesk.view': overseeingRoles,
  'investigations.view': overseeingRoles,
};

/** Something that belongs to a liaison mechanism (an incident, say), or to none. */
export interface Scoped {
  mechanismId: string | null;
}

/** Whether `user` may do `permission`, on `subject` when there is one (mechanism scope). */
export function can(
  user: Pick<SessionUser, 'role' | 'mechanismId'>,
  permission: Permission,
  subject?: Scoped,
): boolean {
  return allowed[permission].includes(user.role) && (!subject || inMechanismScope(user, subject.mechanismId));
}
