import { overseeingRoles, type SessionUser } from '@shared/auth.js';
import { can } from '@shared/permissions.js';

/**
 * Who may edit a mechanism's roster, rotations, meetings and commitments: supervisors and
 * administrators anywhere, and its chairs — the consuls chair each mechanism (Plan of
 * Action VIII; border-reference.json roles) — modelled as the consular officers scoped to
 * that very mechanism. An unscoped consular officer chairs none.
 */
export function coordinates(
  user: Pick<SessionUser, 'id' | 'role' | 'mechanismId'> | null,
  mechanismId: string,
): boolean {
  if (!user || !can(user, 'liaison.coordinate', { mechanismId })) return false;
  return overseeingRoles.includes(user.role) || user.mechanismId === mechanismId;
}
