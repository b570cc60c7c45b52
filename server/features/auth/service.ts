import type { LoginBody, SessionUser } from '@shared/auth.js';
import { bilingual } from '@shared/i18n/index.js';
import { actorOf } from '@server/core/access.js';
import type { Actor, Changes } from '@server/core/changes.js';
import type { Clock } from '@server/core/clock.js';
import type { Executor } from '@server/core/db.js';
import { AppError } from '@server/core/errors.js';
import { announceSessionEnded } from '@server/core/event-hub.js';
import { verifyPassword } from '@server/core/passwords.js';
import { deleteSession, openSession } from '@server/core/sessions.js';
import { findUserForLogin } from './repository.js';
import { admitAttempt, attemptKey, recordFailure, recordSuccess } from './throttle.js';

export interface AuthDependencies {
  db: Executor;
  changes: Changes;
  clock: Clock;
  sessionTtlHours: number;
}

/** Who fails to sign in: nobody yet. The name tried goes in the audit row's details, never its actor. */
const anonymousActor: Actor = { id: null, username: 'anonymous' };

/** Signed in, with the session to hand over as a cookie; or held back by the throttle for so many seconds. */
export type SignIn =
  { user: SessionUser; session: Awaited<ReturnType<typeof openSession>> } | { retryAfterSeconds: number };

/** The user these credentials sign in, or null; an unknown username costs as much as a wrong password. */
export async function authenticate(db: Executor, username: string, password: string): Promise<SessionUser | null> {
  const found = await findUserForLogin(db, username);
  const ok = await verifyPassword(found?.passwordHash ?? null, password);
  if (!found || !ok) return null;
  const { passwordHash: _, ...user } = found;
  return user;
}

/** Signing in (throttled per address and per name, across instances, by the database: ./throttle.ts) and out. */
export class AuthService {
  constructor(private readonly deps: AuthDependencies) {}

  /** A failure is audited (with the name tried and the address) and counted; 401 either way it failed. */
  async signIn(ip: string, { username, password }: LoginBody): Promise<SignIn> {
    const { db, changes, clock, sessionTtlHours } = this.deps;
    const now = clock.now();
    const key = attemptKey(ip, username);
    const admission = await admitAttempt(db, key, now);
    if ('retryAfterSeconds' in admission) return admission;
    const user = await authenticate(db, username, password);
    if (!user) {
      await changes.run(anonymousActor, async (tx, record) => {
        await recordFailure(tx, admission.attemptId, now);
        record.audit({ action: 'auth.login_failed', entity: 'user', entityId: null, after: { username, ip } });
      });
      throw new AppError(401, 'bad_credentials', bilingual('error.badCredentials'));
    }
    const session = await changes.run(actorOf(user), async (tx, record) => {
      await recordSuccess(tx, admission.attemptId, key, now);
      const opened = await openSession(tx, user.id, now, sessionTtlHours);
      record.audit({ action: 'auth.login', entity: 'user', entityId: user.id, after: { ip } });
      return opened;
    });
    return { user, session };
  }

  /** Ends the session here and on its live connections. */
  async signOut(user: SessionUser, sessionId: string): Promise<void> {
    await this.deps.changes.run(actorOf(user), async (tx, record) => {
      await deleteSession(tx, sessionId);
      await announceSessionEnded(tx, sessionId);
      record.audit({ action: 'auth.logout', entity: 'user', entityId: user.id });
    });
  }
}
