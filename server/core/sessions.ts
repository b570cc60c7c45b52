import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { SessionUser } from '@shared/auth.js';
import type { Executor } from '@server/core/db.js';
import { sessionUserColumns } from '@server/core/users.js';
import { sessions, users } from '@server/db/schema/users.js';

/** Name of the HttpOnly cookie that carries the session token. */
export const SESSION_COOKIE = 'sid';

/** Cookie tokens are random; the database keeps only their hash, so a leaked table signs no one in. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

export async function openSession(
  db: Executor,
  userId: string,
  now: Date,
  ttlHours: number,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const sessionId = sessionIdOf(token);
  // Sign-ins are rare enough to sweep expired sessions on the way.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({ id: sessionId, userId, createdAt: now, expiresAt });
  return { token, sessionId, expiresAt };
}

/**
 * Every API request looks its session up: the query is built once per database and kept
 * as a named prepared statement (PostgreSQL parses it once per connection).
 */
const sessionLookups = new WeakMap<Executor, ReturnType<typeof prepareSessionLookup>>();
const prepareSessionLookup = (db: Executor) =>
  db
    .select(sessionUserColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('find_session_user');

export async function findSessionUser(db: Executor, sessionId: string, now: Date): Promise<SessionUser | null> {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = prepareSessionLookup(db)));
  const [row] = await lookup.execute({ sessionId, now });
  return row ?? null;
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Which of these sessions still exist and have not expired. */
export async function activeSessionIds(db: Executor, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(inArray(sessions.id, ids), gt(sessions.expiresAt, now)));
  return new Set(rows.map((r) => r.id));
}
