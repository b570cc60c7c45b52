import { eq } from 'drizzle-orm';
import type { Executor } from '@server/core/db.js';
import { sessionUserColumns } from '@server/core/users.js';
import { users } from '@server/db/schema/users.js';

export async function findUserForLogin(db: Executor, username: string) {
  const [row] = await db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username));
  return row ?? null;
}
