import { inMechanismScope, type SessionUser } from '@shared/auth.js';
import { can } from '@shared/permissions.js';
import type { Movement } from './contract.js';

/**
 * What a user may do to a movement, for the server's guards and the client's buttons alike.
 * The permission matrix says which roles; these rules add what it can't say: the government a
 * consular notice or a reception belongs to, and the movement's state.
 */
export type MovementAction = 'notice' | 'confirm' | 'reschedule' | 'cancel';

/** Why an action is not open to the user: the answer's status code and its sentence follow from it. */
export type MovementRefusal =
  'role' | 'noticeGovernment' | 'receptionGovernment' | 'scope' | 'notPlanned' | 'noticeRecorded' | 'receptionTooEarly';

type Actor = Pick<SessionUser, 'id' | 'role' | 'country' | 'mechanismId'>;
type Subject = Pick<Movement, 'mechanismId' | 'status' | 'consularNotice' | 'plannedBy' | 'at'>;

/**
 * Issue 23: reception is confirmed from two hours before the planned time. The Mexican side
 * confirms persons it has in hand, which can't be before the movement is on its way; the two hours
 * allow for a bus that arrives early.
 */
export const RECEPTION_LEAD_HOURS = 2;

/** The first instant reception of a movement may be confirmed (epoch ms). */
export const receptionOpensAt = (movement: Pick<Movement, 'at'>): number =>
  Date.parse(movement.at) - RECEPTION_LEAD_HOURS * 3_600_000;

function whoRefusal(user: Actor, action: MovementAction, movement: Subject): MovementRefusal | null {
  const port = { mechanismId: movement.mechanismId };
  switch (action) {
    // 2003 report: consular notification — the Mexican consulate records it (or a supervisor for it).
    case 'notice':
      if (!can(user, 'repatriation.notice')) return 'role';
      if (user.role === 'consular' && user.country !== 'MX') return 'noticeGovernment';
      return can(user, 'repatriation.notice', port) ? null : 'scope';
    // 1999 report: repatriation "in the presence of Mexican immigration authorities": the Mexican side of that port receives.
    case 'confirm':
      if (user.country !== 'MX') return 'receptionGovernment';
      return can(user, 'repatriation.confirm', port) ? null : 'scope';
    // Whoever planned it, or the planners of the port's mechanism and those who oversee them.
    case 'reschedule':
    case 'cancel':
      if (!can(user, 'repatriation.plan')) return 'role';
      return movement.plannedBy.id === user.id || inMechanismScope(user, movement.mechanismId) ? null : 'scope';
  }
}

/**
 * Null when `user` may take `action` on `movement` at `now`; otherwise the first reason they can't.
 * Without `now`, rules of time (`receptionOpensAt`) are not applied.
 */
export function movementRefusal(
  user: Actor,
  action: MovementAction,
  movement: Subject,
  now?: number,
): MovementRefusal | null {
  const who = whoRefusal(user, action, movement);
  if (who) return who;
  if (movement.status !== 'planned') return 'notPlanned';
  if (action === 'notice' && movement.consularNotice) return 'noticeRecorded';
  if (action === 'confirm' && now !== undefined && now < receptionOpensAt(movement)) return 'receptionTooEarly';
  return null;
}
