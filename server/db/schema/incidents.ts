import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  point,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { incidentStatuses, incidentTypes, investigationStatuses, severities } from '@shared/incidents/contract.js';
import { countryEnum, users } from './users.js';
import { mechanisms } from './reference.js';

export const incidentTypeEnum = pgEnum('incident_type', incidentTypes);
export const severityEnum = pgEnum('severity', severities);
export const incidentStatusEnum = pgEnum('incident_status', incidentStatuses);

export const incidents = pgTable(
  'incidents',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: incidentTypeEnum().notNull(),
    severity: severityEnum().notNull(),
    status: incidentStatusEnum().notNull().default('reported'),
    summary: text().notNull(),
    /** x = longitude, y = latitude (WGS84). */
    location: point({ mode: 'xy' }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    rescued: integer().notNull().default(0),
    injured: integer().notNull().default(0),
    deceased: integer().notNull().default(0),
    mechanismId: text().references(() => mechanisms.id),
    areaIds: jsonb().$type<string[]>().notNull(),
    reportedBy: uuid()
      .notNull()
      .references(() => users.id),
    reportingAgency: text().notNull(),
    reportingCountry: countryEnum().notNull(),
    /** Optimistic concurrency: every change bumps it; a PATCH with an older one gets 409. */
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Fictional demo data (seeds/demo-incidents.ts), marked wherever it is shown. */
    demo: boolean().notNull().default(false),
    /** Reported in an exercise (drill): marked everywhere; statistics and reports count `exercise = false` only. */
    exercise: boolean().notNull().default(false),
  },
  (t) => [
    // With INCLUDE columns (migration 0020, which drizzle can't express): the map's tiles and the area
    // statistics read their columns from this index alone.
    index('incidents_location_idx').using('gist', t.location),
    index('incidents_feed_idx').on(t.createdAt.desc(), t.id.desc()),
    // A mechanism's lists and its review reports (issue 25) ask for a period too.
    index('incidents_mechanism_idx').on(t.mechanismId, t.occurredAt),
    // The operations map and area statistics (issue 17) ask for a time window first; the box goes to the GiST index.
    index('incidents_occurred_at_idx').on(t.occurredAt.desc()),
    // The few drills: reports leave out what hangs on them without joining every incident.
    index('incidents_exercise_idx')
      .on(t.id)
      .where(sql`${t.exercise}`),
  ],
);

/** Append-only timeline of an incident. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    kind: text().notNull(),
    text: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('incident_events_incident_idx').on(t.incidentId, t.id),
    // Investigations as they stood at a period's end (review reports, issue 25).
    index('incident_events_investigation_idx')
      .on(t.at)
      .where(sql`${t.kind} = 'investigation'`),
  ],
);

export const investigationStatusEnum = pgEnum('investigation_status', investigationStatuses);

export const investigations = pgTable('investigations', {
  incidentId: uuid()
    .primaryKey()
    .references(() => incidents.id),
  leadAgency: text().notNull(),
  caseReference: text().notNull(),
  status: investigationStatusEnum().notNull(),
  notes: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedBy: text().notNull(),
});

/**
 * NOTIFY channel of writes into `incidents` that record no events (a bulk load of synthetic
 * incidents): the map's index of every running console reads the table again (issue 26).
 */
export const INCIDENTS_BULK_LOADED = 'incidents_bulk_loaded';
