import { z } from 'zod';
import { country, inMechanismScope, role, type SessionUser } from '@shared/auth.js';

/**
 * One way of being in an event's audience: every field given must hold (AND); a field is a
 * set, any member of which will do. An empty clause `{}` holds for everyone.
 * - `mechanismIds`: the user is in scope of one of these mechanisms — the rule that decides
 *   who may read a mechanism's records (`inMechanismScope`: overseeing roles and unscoped
 *   users see every mechanism, a scoped officer only theirs), so an event reaches exactly
 *   those who could read what it announces.
 * - `roles`, `countries`, `userIds`: the user's role, government, or id is one of these.
 */
export const audienceClause = z.strictObject({
  mechanismIds: z.array(z.string()).min(1).optional(),
  roles: z.array(role).min(1).optional(),
  countries: z.array(country).min(1).optional(),
  userIds: z.array(z.string()).min(1).optional(),
});
export type AudienceClause = z.infer<typeof audienceClause>;

/**
 * Who receives an event: a user is in the audience when any clause holds for them. Examples:
 * everyone `[{}]`; the central desks `[{ roles: ['central'] }]`; the Mexican side of a
 * port's mechanism `[{ mechanismIds: [id], countries: ['MX'] }]`; the reporter
 * `[{ userIds: [id] }]`. An empty list reaches no one.
 */
export const audience = z.array(audienceClause);
export type Audience = z.infer<typeof audience>;

export const everyone: Audience = [{}];

export type AudienceMember = Pick<SessionUser, 'id' | 'role' | 'country' | 'mechanismId'>;

function clauseHolds(user: AudienceMember, clause: AudienceClause): boolean {
  return (
    (!clause.mechanismIds || clause.mechanismIds.some((id) => inMechanismScope(user, id))) &&
    (!clause.roles || clause.roles.includes(user.role)) &&
    (!clause.countries || clause.countries.includes(user.country)) &&
    (!clause.userIds || clause.userIds.includes(user.id))
  );
}

/** Whether `user` is in `audience`: the one rule for live delivery and for replay. */
export function audienceIncludes(user: AudienceMember, audience: Audience): boolean {
  return audience.some((clause) => clauseHolds(user, clause));
}
