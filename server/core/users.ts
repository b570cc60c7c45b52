import { eq } from 'drizzle-orm';
import type { Country, Role, SessionUser } from '@shared/auth.js';
import type { Executor } from '@server/core/db.js';
import { hashPassword } from '@server/core/passwords.js';
import { users } from '@server/db/schema/users.js';

/** The columns that make a signed-in user (never the password hash). */
export const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  country: users.country,
  agency: users.agency,
  mechanismId: users.mechanismId,
};

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  country: Country;
  agency: string;
  mechanismId: string | null;
}

/** Stores an account with its argon2id hash: used by the seed, `npm run user:create` and tests. */
export async function createUser(db: Executor, user: NewUser): Promise<SessionUser> {
  const { password, ...rest } = user;
  const [row] = await db
    .insert(users)
    .values({ ...rest, passwordHash: await hashPassword(password) })
    .returning(sessionUserColumns);
  return row!;
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return rows.length > 0;
}
