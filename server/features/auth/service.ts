import type { SessionUser } from '@shared/auth.js';
import type { Executor } from '@server/core/db.js';
import { verifyPassword } from '@server/core/passwords.js';
import { findUserForLogin } from './repository.js';

/** The user these credentials sign in, or null; an unknown username costs as much as a wrong password. */
export async function authenticate(db: Executor, username: string, password: string): Promise<SessionUser | null> {
  const found = await findUserForLogin(db, username);
  const ok = await verifyPassword(found?.passwordHash ?? null, password);
  if (!found || !ok) return null;
  const { passwordHash: _, ...user } = found;
  return user;
}
