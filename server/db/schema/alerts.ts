import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { alertTiers } from '@shared/incidents/contract.js';
import { countryEnum, users } from './users.js';
import { incidents } from './incidents.js';

export const alertTierEnum = pgEnum('alert_tier', alertTiers);

/**
 * An early alert to both governments. A local alert's escalation is due work at its
 * `ackDeadline` (due_work); when it fires it escalates the alert to the central desks
 * unless both governments acknowledged in time (`settledAt`).
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    tier: alertTierEnum().notNull(),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    ackDeadline: timestamp({ withTimezone: true }).notNull(),
    escalatedAt: timestamp({ withTimezone: true }),
    /** Both governments acknowledged, or the incident was resolved or closed first: the timer is off. */
    settledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('alerts_incident_idx').on(t.incidentId),
    // The early alerts raised in a period (review reports, issue 25).
    index('alerts_local_raised_at_idx')
      .on(t.raisedAt)
      .where(sql`${t.tier} = 'local'`),
  ],
);

/** Each government acknowledges for itself: one row per alert and government. */
export const acknowledgements = pgTable(
  'acknowledgements',
  {
    alertId: uuid()
      .notNull()
      .references(() => alerts.id),
    government: countryEnum().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    userName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    /** The reporting government's, recorded with the report: it has the alert in hand by reporting it. */
    withReport: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.alertId, t.government] })],
);
