import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What the seed data in this database was made from: one row per kind of seeding
 * (`reference`, `reference+demo`), holding the hash of its inputs (seeds/, shared/,
 * migrations/, package-lock.json). A start whose inputs hash the same skips seeding
 * (server/bootstrap.ts): a restart then opens, migrates and listens, nothing more.
 */
export const seedState = pgTable('seed_state', {
  kind: text().primaryKey(),
  inputsHash: text().notNull(),
  seededAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
