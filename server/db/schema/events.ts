import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Audience } from '@shared/audience.js';

/**
 * The outbox and websocket replay log: written in the same transaction as the change it
 * announces, never updated. `audience` says who may receive it (shared/audience.ts).
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    kind: text().notNull(),
    /**
     * Rows written before audiences (migration 0002) have none: they reach whoever is in
     * scope of this mechanism, as they did then (null: the overseers and unscoped users).
     */
    mechanismId: text(),
    audience: jsonb().$type<Audience>(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** The user whose change it announces (null: the system, and rows before migration 0015). */
    actorId: uuid(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_at_idx').on(t.at)],
);
