import { bigserial, boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Sign-in attempts, the throttle every instance shares (server/features/auth/throttle.ts).
 * A row is written before the password is checked, so concurrent guesses count against each
 * other: `succeeded` is null while the check runs, then false or true. Rows older than a day
 * are swept as sign-ins go by.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** The client address; an IPv6 address stands for its /64, which one client usually holds whole. */
    address: text().notNull(),
    /** The name tried, lowercased and cut to the longest a username may be. */
    username: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    succeeded: boolean(),
  },
  (t) => [
    index('login_attempts_address_idx').on(t.address, t.at),
    index('login_attempts_username_idx').on(t.username, t.at),
    // The sweep: the oldest rows, whichever address or name they carry.
    index('login_attempts_at_idx').on(t.at),
  ],
);
