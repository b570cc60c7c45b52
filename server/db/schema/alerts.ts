import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { countryEnum, users } from './users.js';
import { incidents } from './incidents.js';

export const alertTierEnum = pgEnum('alert_tier', ['local', 'central']);

/**
 * An early alert to both governments. A local alert is also the escalation timer: while
 * `escalatedAt` and `settledAt` are null and `ackDeadline` has passed, the scheduler
 * escalates it to the central desks (claimed FOR UPDATE SKIP LOCKED, so exactly once).
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid().notNull().references(() => incidents.id),
    tier: alertTierEnum().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    ackDeadline: timestamp({ withTimezone: true }).notNull(),
    escalatedAt: timestamp({ withTimezone: true }),
    /** Both governments acknowledged in time: the timer is off. */
    settledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('alerts_incident_idx').on(t.incidentId),
    index('alerts_due_idx').on(t.ackDeadline).where(sql`${t.escalatedAt} is null and ${t.settledAt} is null`),
  ],
);

/** Each government acknowledges for itself: one row per alert and government. */
export const acknowledgements = pgTable(
  'acknowledgements',
  {
    alertId: uuid().notNull().references(() => alerts.id),
    government: countryEnum().notNull(),
    userId: uuid().notNull().references(() => users.id),
    userName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.government] })],
);
