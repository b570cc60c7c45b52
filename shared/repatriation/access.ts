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
  'role' | 'noticeGovernment' | 'receptionGovernment' | 'scope' | 'notPlanned' | 'noticeRecorded';

type Actor = Pick<SessionUser, 'id' | 'role' | 'country' | 'mechanismId'>;
type Subject = Pick<Movement, 'mechanismId' | 'status' | 'consularNotice' | 'plannedBy'>;

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

/** Null when `user` may take `action` on `movement` now; otherwise the first reason they can't. */
export function movementRefusal(user: Actor, action: MovementAction, movement: Subject): MovementRefusal | null {
  const who = whoRefusal(user, action, movement);
  if (who) return who;
  if (movement.status !== 'planned') return 'notPlanned';
  if (action === 'notice' && movement.consularNotice) return 'noticeRecorded';
  return null;
}
