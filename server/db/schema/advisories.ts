import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  advisoryChanges,
  advisorySeverities,
  advisoryStatuses,
  capMessageTypes,
  hazards,
} from '@shared/advisories/contract.js';
import type { PolygonGeometry } from '@shared/reference/contract.js';
import { users } from './users.js';

export const hazardEnum = pgEnum('advisory_hazard', hazards);
export const advisorySeverityEnum = pgEnum('advisory_severity', advisorySeverities);
export const advisoryStatusEnum = pgEnum('advisory_status', advisoryStatuses);
export const advisoryChangeEnum = pgEnum('advisory_change', advisoryChanges);
export const capMessageTypeEnum = pgEnum('cap_message_type', capMessageTypes);

/** Weather advisories (Plan of Action V): the current state of each; `advisory_versions` keeps how it got there. */
export const advisories = pgTable(
  'advisories',
  {
    id: uuid().primaryKey().defaultRandom(),
    hazard: hazardEnum().notNull(),
    severity: advisorySeverityEnum().notNull(),
    status: advisoryStatusEnum().notNull().default('draft'),
    exercise: boolean().notNull().default(false),
    areaIds: jsonb().$type<string[]>().notNull(),
    polygon: jsonb().$type<PolygonGeometry>(),
    /** Mechanisms the areas and polygon touch, worked out on every save. */
    mechanismIds: jsonb().$type<string[]>().notNull(),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validTo: timestamp({ withTimezone: true }).notNull(),
    textEn: text(),
    textEs: text(),
    cancelReason: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    /** Bumped on every change; CAP identifiers of successive messages carry it. */
    version: integer().notNull().default(1),
  },
  (t) => [index('advisories_status_idx').on(t.status, t.validTo)],
);

/**
 * Append-only history of an advisory; the rows that sent a CAP message (`msg_type`) are its
 * message log, which `<references>` of later messages cite.
 */
export const advisoryVersions = pgTable(
  'advisory_versions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id),
    change: advisoryChangeEnum().notNull(),
    msgType: capMessageTypeEnum(),
    identifier: text(),
    /** The advisory as it stood after the change: a CAP message can be rebuilt from it. */
    snapshot: jsonb().$type<Record<string, unknown>>().notNull(),
    actorName: text().notNull(),
    note: text(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('advisory_versions_advisory_idx').on(t.advisoryId, t.id)],
);
