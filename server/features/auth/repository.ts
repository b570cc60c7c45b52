import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { readAll, type Executor } from '@server/core/db.js';
import { sessionUserColumns } from '@server/core/users.js';
import { loginAttempts } from '@server/db/schema/auth.js';
import { users } from '@server/db/schema/users.js';

export async function findUserForLogin(db: Executor, username: string) {
  const [row] = await db
    .select({ ...sessionUserColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, username));
  return row ?? null;
}

/** Whom an attempt counts against: the client address and the name tried (server/features/auth/throttle.ts). */
export interface AttemptKey {
  address: string;
  username: string;
}

/** Attempts that count against a key: failed ones, and those whose password is still being checked. */
const unsuccessful = sql`${loginAttempts.succeeded} is not true`;

/** Advisory lock classes (the two-key form, apart from every single-key lock): one per counter. */
const ADDRESS_LOCK = 2201;
const USERNAME_LOCK = 2202;

/**
 * Records a pending attempt unless the address or the name has `limit` unsuccessful attempts
 * since `since`; the new row's id, or null when refused. Attempts on the same address or name
 * take turns (transaction-scoped advisory locks, always address first, so two never wait on
 * each other): a burst of parallel guesses can't all read the same count.
 */
export async function reserveAttempt(
  db: Executor,
  key: AttemptKey,
  at: Date,
  since: Date,
  limit: { perAddress: number; perUsername: number },
): Promise<number | null> {
  const from = since.toISOString();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${key.address})),
                 pg_advisory_xact_lock(${USERNAME_LOCK}, hashtext(${key.username}))`,
    );
    // A statement of its own: under READ COMMITTED it sees what the lock holder before us committed.
    const result = await tx.execute(
      sql`INSERT INTO login_attempts (address, username, at)
          SELECT ${key.address}, ${key.username}, ${at.toISOString()}::timestamptz
           WHERE (SELECT count(*) FROM login_attempts
                   WHERE address = ${key.address} AND at > ${from}::timestamptz AND succeeded IS NOT TRUE) < ${limit.perAddress}
             AND (SELECT count(*) FROM login_attempts
                   WHERE username = ${key.username} AND at > ${from}::timestamptz AND succeeded IS NOT TRUE) < ${limit.perUsername}
          RETURNING id`,
    );
    const [row] = (result as unknown as { rows: Array<{ id: string | number }> }).rows;
    return row ? Number(row.id) : null;
  });
}

/**
 * When the `nth` most recent unsuccessful attempt of the address and of the name was made
 * (undefined when there are fewer): once it leaves the window, one more attempt is let through.
 */
export async function nthLatestUnsuccessful(
  db: Executor,
  key: AttemptKey,
  since: Date,
  nth: { perAddress: number; perUsername: number },
): Promise<{ byAddress: Date | undefined; byUsername: Date | undefined }> {
  const nthOf = (matches: SQL, n: number) => async () => {
    const [row] = await db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(matches, gt(loginAttempts.at, since), unsuccessful))
      .orderBy(desc(loginAttempts.at))
      .offset(n - 1)
      .limit(1);
    return row?.at;
  };
  const [byAddress, byUsername] = await readAll(
    db,
    nthOf(eq(loginAttempts.address, key.address), nth.perAddress),
    nthOf(eq(loginAttempts.username, key.username), nth.perUsername),
  );
  return { byAddress, byUsername };
}

export async function settleAttempt(db: Executor, id: number, succeeded: boolean): Promise<void> {
  await db.update(loginAttempts).set({ succeeded }).where(eq(loginAttempts.id, id));
}

/** Forgets the failures of one name from one address (after that name signed in from there). */
export async function clearFailures(db: Executor, key: AttemptKey): Promise<void> {
  await db
    .delete(loginAttempts)
    .where(
      and(
        eq(loginAttempts.address, key.address),
        eq(loginAttempts.username, key.username),
        eq(loginAttempts.succeeded, false),
      ),
    );
}

/**
 * Deletes up to `batch` attempts made before `before`, oldest first; rows another sign-in is
 * sweeping are skipped rather than waited for.
 */
export async function sweepAttempts(db: Executor, before: Date, batch: number): Promise<void> {
  await db.execute(
    sql`DELETE FROM login_attempts
         WHERE id IN (SELECT id FROM login_attempts WHERE at < ${before.toISOString()}::timestamptz
                       ORDER BY at LIMIT ${batch} FOR UPDATE SKIP LOCKED)`,
  );
}
