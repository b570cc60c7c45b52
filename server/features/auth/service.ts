import { createHash, randomBytes } from 'node:crypto';
import type { Country, Role, SessionUser } from '@shared/auth.js';
import type { Executor } from '../../db/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import * as repo from './repository.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  country: Country;
  agency: string;
  mechanismId: string | null;
}

export async function createUser(db: Executor, user: NewUser): Promise<SessionUser> {
  const { password, ...rest } = user;
  return repo.insertUser(db, { ...rest, passwordHash: await hashPassword(password) });
}

/** Cookie tokens are random; the database keeps only their hash. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('base64url');

export async function authenticate(db: Executor, username: string, password: string): Promise<SessionUser | null> {
  const found = await repo.findUserForLogin(db, username);
  const ok = await verifyPassword(found?.passwordHash ?? null, password);
  if (!found || !ok) return null;
  const { passwordHash: _, ...user } = found;
  return user;
}

export async function openSession(db: Executor, userId: string, now: Date, ttlHours: number): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const sessionId = sessionIdOf(token);
  // Sign-ins are rare enough to sweep expired sessions on the way.
  await repo.deleteExpiredSessions(db, now);
  await repo.insertSession(db, { id: sessionId, userId, createdAt: now, expiresAt });
  return { token, sessionId, expiresAt };
}
