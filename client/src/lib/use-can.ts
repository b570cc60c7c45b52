import { can, type Permission, type ScopedSubject } from '@shared/permissions.js';
import { useUser } from './session.js';

/** `can()` from the shared permission matrix for the signed-in user: which navigation, routes and buttons show. */
export function useCan(): (permission: Permission, subject?: ScopedSubject) => boolean {
  const user = useUser();
  return (permission, subject) => can(user, permission, subject);
}
