import { inMechanismScope, overseeingRoles, roles, type Role, type SessionUser } from '@shared/auth.js';

interface Grant {
  /** Who may do it at all. */
  roles: readonly Role[];
  /**
   * `mechanism`: only on a subject within the user's mechanism scope (`inMechanismScope`).
   * `mechanismOrReporter`: that, or on what the user reported themselves.
   */
  scope?: 'mechanism' | 'mechanismOrReporter';
}

/**
 * What each role may do: the one matrix the server's route guards, the client's navigation,
 * route guards and buttons read. A new feature adds its lines here; a route names one with
 * `config: { permission }` (or `public: true`), or the server refuses to start.
 */
export const permissions = {
  /** See who one is signed in as; sign out. */
  'session.own': { roles },
  'config.read': { roles },
  /** Ports, mechanisms, areas, stations: the reference geography every page uses. */
  'reference.read': { roles },
  /** The live connection; each event still goes only to its audience. */
  'live.subscribe': { roles },
  'apiDocs.read': { roles },
  // Plan of Action V, Rapid Response: officers of the mechanism where it happened, and the overseers.
  // Whoever sees an emergency reports it, wherever it is; the report goes to the responsible
  // mechanism, and its reporter keeps following it there.
  'incident.read': { roles, scope: 'mechanismOrReporter' },
  'incident.report': { roles },
  'incident.edit': { roles, scope: 'mechanism' },
  'incident.acknowledge': { roles, scope: 'mechanism' },
  'incident.investigate': { roles, scope: 'mechanism' },
  /** The central desks (Washington – Mexico City): alerts escalated past their deadline. */
  'escalation.read': { roles: overseeingRoles },
  /** Mérida MOU follow-up: investigations missing or not updated. */
  'investigation.followUp': { roles: overseeingRoles },
  'audit.read': { roles: ['supervisor', 'admin'] },
  // Plan of Action VIII, the liaison mechanisms: rosters and "who do I call" for every signed-in officer.
  'liaison.read': { roles },
  /** Members, contacts, rotations, meetings: a mechanism's chairs (shared/liaison/coordinators.ts), supervisors, admins. */
  'liaison.coordinate': { roles: ['consular', 'supervisor', 'admin'], scope: 'mechanism' },
  /** A mechanism's area of responsibility, which incident assignment follows. */
  'liaison.area.edit': { roles: ['admin'] },
  /**
   * Plan of Action V, emergencies at crossing points: open, restrict or close a port. The liaison
   * officers of the port's mechanism (those at the bridge, either side), supervisors and admins.
   */
  'port.status.set': { roles: ['liaison', 'supervisor', 'admin'], scope: 'mechanism' },
  // Plan of Action VI, safe and orderly repatriation (shared/repatriation/access.ts adds the
  // government a notice or a reception needs).
  'repatriation.read': { roles },
  'repatriation.plan': { roles: ['liaison', 'supervisor', 'admin'] },
  'repatriation.notice': { roles: ['consular', 'supervisor', 'admin'], scope: 'mechanism' },
  'repatriation.confirm': { roles, scope: 'mechanism' },
  'arrangement.edit': { roles: ['supervisor', 'admin'] },
  // Plan of Action V, Emergency Management: "publication of weather advisories". Every officer reads them.
  'advisory.read': { roles },
  /** Draft, publish, update, cancel and import advisories: the supervisors and administrators. */
  'advisory.write': { roles: ['supervisor', 'admin'] },
  // Plan of Action I: "map high-risk areas along the border". Every officer sees them on the map.
  /** Draw, edit, import and delete high-risk areas (incidents are assigned to them): the supervisors and administrators. */
  'area.edit': { roles: ['supervisor', 'admin'] },
  // Plan of Action V and I: search-and-rescue operations on an incident. Read like the incident;
  // coordinated (teams, assets, sectors, progress, closing) by its mechanism's officers and the overseers.
  'sar.read': { roles, scope: 'mechanismOrReporter' },
  'sar.coordinate': { roles, scope: 'mechanism' },
  /** Work set aside after failing (server/core/due-work.ts): see it and put it back in the queue. */
  'dueWork.manage': { roles: ['admin'] },
  // Plan of Action: "review regularly the results". Supervisors and the central desks review the
  // whole border; everyone else their own mechanism's (asking for another is refused).
  'report.read': { roles, scope: 'mechanism' },
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof permissions;

/** Whatever a scoped permission is checked against: it belongs to one mechanism (or none), and may have a reporter. */
export interface ScopedSubject {
  mechanismId: string | null;
  /** The user who reported it (an account id), for `mechanismOrReporter` grants. */
  reportedBy?: string;
}

/**
 * Whether `user` may do `permission`; with a `subject`, on that subject too (its mechanism
 * must be in the user's scope when the permission is scoped). Without a subject it answers
 * for the role alone: what a route guard or a navigation entry can know.
 */
export function can(
  user: Pick<SessionUser, 'id' | 'role' | 'mechanismId'> | null,
  permission: Permission,
  subject?: ScopedSubject,
): boolean {
  if (!user) return false;
  const grant: Grant = permissions[permission];
  if (!grant.roles.includes(user.role)) return false;
  if (!subject || !grant.scope || inMechanismScope(user, subject.mechanismId)) return true;
  return grant.scope === 'mechanismOrReporter' && subject.reportedBy === user.id;
}
