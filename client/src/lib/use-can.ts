import { can, type Permission, type Scoped } from './permissions.js';
import { useUser } from './session.js';

/** `can()` for the signed-in user: which navigation, routes and buttons show. */
export function useCan(): (permission: Permission, subject?: Scoped) => boolean {
  const user = useUser();
  return (permission, subject) => can(user, permission, subject);
}
