import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countries, roles } from '@shared/auth.js';
import { mechanisms } from './reference.js';

export const roleEnum = pgEnum('role', roles);
export const countryEnum = pgEnum('country', countries);

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  passwordHash: text().notNull(),
  role: roleEnum().notNull(),
  country: countryEnum().notNull(),
  agency: text().notNull(),
  mechanismId: text().references(() => mechanisms.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Server-side sessions; `id` is the SHA-256 of the cookie token, so a leaked table can't sign anyone in. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
