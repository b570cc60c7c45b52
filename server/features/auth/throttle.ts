import { isIPv4, isIPv6 } from 'node:net';
import type { Executor } from '@server/core/db.js';
import {
  clearFailures,
  nthLatestUnsuccessful,
  reserveAttempt,
  settleAttempt,
  sweepAttempts,
  type AttemptKey,
} from './repository.js';

/**
 * Sign-in throttle, in the database so every instance counts the same attempts: password
 * spraying (many names from one address) and distributed guessing (one name from many
 * addresses) both stop at a limit. Only unsuccessful attempts count, so a busy office or the
 * demo player signing its accounts in again and again is never held up.
 * Constants until the configuration carries them (proposed: LOGIN_THROTTLE_WINDOW_MINUTES,
 * LOGIN_THROTTLE_PER_ADDRESS, LOGIN_THROTTLE_PER_USERNAME).
 */
export const loginThrottle = {
  windowMinutes: 15,
  /** Failures one address may make in the window, whatever names it tries. */
  perAddress: 20,
  /** Failures one name may collect in the window, from whatever addresses. */
  perUsername: 10,
  /** Attempts older than this are swept, a batch at a time, as sign-ins go by. */
  keepHours: 24,
  sweepBatch: 100,
} as const;

/** The longest username there is (shared/auth.ts `loginBody`); longer names are cut, not stored whole. */
const USERNAME_MAX = 64;

/** Whom an attempt counts against. Names are compared lowercased, so `Admin` and `admin` share a count. */
export function attemptKey(ip: string, username: string): AttemptKey {
  return { address: addressKey(ip), username: username.toLowerCase().slice(0, USERNAME_MAX) };
}

/**
 * An IPv4 address as is (also when IPv4-mapped); an IPv6 address as its /64, since one client
 * is usually given a whole /64 and could otherwise try from a new address every time.
 */
export function addressKey(ip: string): string {
  const bare = ip.split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(bare)) return ip.slice(0, 64);
  const [head = '', tail] = bare.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // A trailing dotted IPv4 part (`64:ff9b::192.0.2.1`) stands for two groups.
  const width = [...left, ...right].reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const zeros = Array.from({ length: Math.max(0, 8 - width) }, () => '0');
  const prefix = [...left, ...zeros, ...right].slice(0, 4).map((g) => parseInt(g, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}

export type Admission = { attemptId: number } | { retryAfterSeconds: number };

/**
 * Lets an attempt through (recording it as pending, to settle with `recordFailure` or
 * `recordSuccess`) or says how many seconds until one would be: until enough of the counted
 * failures have left the window.
 */
export async function admitAttempt(db: Executor, key: AttemptKey, now: Date): Promise<Admission> {
  const since = new Date(now.getTime() - loginThrottle.windowMinutes * 60_000);
  const attemptId = await reserveAttempt(db, key, now, since, loginThrottle);
  if (attemptId !== null) return { attemptId };
  const { byAddress, byUsername } = await nthLatestUnsuccessful(db, key, since, loginThrottle);
  const freedAt =
    Math.max(byAddress?.getTime() ?? 0, byUsername?.getTime() ?? 0) + loginThrottle.windowMinutes * 60_000;
  return { retryAfterSeconds: Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000)) };
}

/** Settles an attempt as failed; run it in the transaction that writes the failure's audit row. */
export async function recordFailure(tx: Executor, attemptId: number, now: Date): Promise<void> {
  await settleAttempt(tx, attemptId, false);
  await sweep(tx, now);
}

/**
 * Settles an attempt as successful and forgets that name's failures from that address (a
 * typo or two before the right password). Other addresses' failures still count.
 */
export async function recordSuccess(tx: Executor, attemptId: number, key: AttemptKey, now: Date): Promise<void> {
  await clearFailures(tx, key);
  await settleAttempt(tx, attemptId, true);
  await sweep(tx, now);
}

function sweep(tx: Executor, now: Date): Promise<void> {
  return sweepAttempts(tx, new Date(now.getTime() - loginThrottle.keepHours * 3_600_000), loginThrottle.sweepBatch);
}
