import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { SessionUser } from '@shared/auth.js';
import type { Executor } from '../../db/index.js';
import { sessions, users } from '../../db/schema/users.js';

const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  country: users.country,
  agency: users.agency,
  mechanismId: users.mechanismId,
};

export async function findUserForLogin(db: Executor, username: string) {
  const [row] = await db.select({ ...sessionUserColumns, passwordHash: users.passwordHash }).from(users).where(eq(users.username, username));
  return row ?? null;
}

export async function insertUser(db: Executor, user: Omit<typeof users.$inferInsert, 'id' | 'createdAt'>): Promise<SessionUser> {
  const [row] = await db.insert(users).values(user).returning(sessionUserColumns);
  return row!;
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return rows.length > 0;
}

export async function insertSession(db: Executor, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function findSessionUser(db: Executor, sessionId: string, now: Date): Promise<SessionUser | null> {
  const [row] = await db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Which of these sessions still exist and have not expired. */
export async function activeSessionIds(db: Executor, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: sessions.id }).from(sessions).where(and(inArray(sessions.id, ids), gt(sessions.expiresAt, now)));
  return new Set(rows.map((r) => r.id));
}
