import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The outbox and websocket replay log: written in the same transaction as the change it
 * announces, never updated. `mechanismId` scopes who may receive it (null = everyone).
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    kind: text().notNull(),
    mechanismId: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_at_idx').on(t.at)],
);
