import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { movementStatuses, type Person, type WeeklyWindow } from '@shared/repatriation/contract.js';
import { mechanisms, ports } from './reference.js';
import { users } from './users.js';

/**
 * Local repatriation arrangements (Plan of Action VI; 1999 report: "through predetermined border
 * crossing points during specified hours"). Windows are wall-clock times plus an IANA zone (the
 * port's Mexican side unless `timeZone` names one), never fixed offsets: a rota stored as offsets
 * drifts an hour at the next daylight-saving change.
 */
export const arrangements = pgTable('arrangements', {
  id: text().primaryKey(),
  name: text().notNull(),
  timeZone: text(),
  /** [{days: ISO weekdays, start: "HH:MM", end: "HH:MM"}]; end ≤ start runs past midnight. */
  windows: jsonb().$type<WeeklyWindow[]>().notNull(),
  vulnerableWindow: jsonb().$type<{ start: string; end: string }>().notNull(),
  noticeHours: doublePrecision().notNull(),
  exConvictNoticeHours: doublePrecision().notNull(),
  capacityPerWindow: integer().notNull(),
  /** Official hours per port are not public: the seeded ones are illustrative, and say so. */
  illustrative: boolean().notNull().default(false),
  basis: text(),
  sources: jsonb().$type<string[]>().notNull().default([]),
  /** Optimistic concurrency for PUT, and the calendar feed's SEQUENCE. */
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The ports of an arrangement; a port belongs to one arrangement at most (the unique constraint). */
export const arrangementPorts = pgTable(
  'arrangement_ports',
  {
    arrangementId: text()
      .notNull()
      .references(() => arrangements.id, { onDelete: 'cascade' }),
    portId: text()
      .notNull()
      .references(() => ports.id),
    /** The order the arrangement lists its ports in (suggestions try them in this order). */
    position: integer().notNull(),
    /** Plan of Action VII: designated for ex-convicts. */
    exConvict: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.arrangementId, t.portId] }),
    unique('arrangement_ports_one_arrangement_per_port').on(t.portId),
  ],
);

export const movementStatusEnum = pgEnum('movement_status', movementStatuses);

/** Planned repatriations: from a facility, through a port, at an instant, with the persons. */
export const movements = pgTable(
  'movements',
  {
    id: uuid().primaryKey().defaultRandom(),
    portId: text()
      .notNull()
      .references(() => ports.id),
    /** The arrangement the movement was checked against; kept as history when it is deleted. */
    arrangementId: text().references(() => arrangements.id, { onDelete: 'set null' }),
    mechanismId: text().references(() => mechanisms.id),
    fromFacility: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    persons: jsonb().$type<Person[]>().notNull(),
    /** The persons' family ids, for the family-unity lookup (GIN index). */
    familyIds: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: movementStatusEnum().notNull().default('planned'),
    /** Planned in an exercise (issue 18): counted against drills only, left out of statistics. */
    exercise: boolean().notNull().default(false),
    /** `at` less the arrangement's notice hours (the ex-convicts' when they travel). */
    noticeDueAt: timestamp({ withTimezone: true }),
    consularNoticeAt: timestamp({ withTimezone: true }),
    consularNoticeBy: text(),
    receivedAt: timestamp({ withTimezone: true }),
    receivedBy: text(),
    receivedCount: integer(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: text(),
    cancelReason: text(),
    plannedById: uuid().references(() => users.id),
    plannedBy: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('movements_port_at_idx').on(t.portId, t.at),
    index('movements_at_idx').on(t.at),
    index('movements_family_idx').using('gin', t.familyIds),
    index('movements_arrangement_idx').on(t.arrangementId),
    // A mechanism's movements in a period (review reports, issue 25).
    index('movements_mechanism_at_idx').on(t.mechanismId, t.at),
  ],
);

/** Append-only timeline of a movement (like incident_events). */
export const movementEvents = pgTable(
  'movement_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    movementId: uuid()
      .notNull()
      .references(() => movements.id),
    kind: text().notNull(),
    text: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('movement_events_movement_idx').on(t.movementId, t.id),
    // Notices recorded in a period, late ones with the rules they broke (review reports, issue 25).
    index('movement_events_notice_idx')
      .on(t.at)
      .where(sql`${t.kind} = 'notice'`),
  ],
);

/**
 * A plan or reschedule the rules refused: which rules, where and for how many persons. Nothing
 * else of a refused change is written; this is what lets a bilateral review count how often each
 * rule stopped a movement (issue 25). Append-only: it records what happened.
 */
export const movementRefusals = pgTable(
  'movement_refusals',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    action: text().$type<'plan' | 'reschedule'>().notNull(),
    /** The movement a reschedule would have moved; null for a plan. */
    movementId: uuid().references(() => movements.id),
    portId: text()
      .notNull()
      .references(() => ports.id),
    mechanismId: text().references(() => mechanisms.id),
    /** The rules broken, by code (`violationCodes`), each once. */
    codes: text().array().notNull(),
    persons: integer().notNull(),
    exercise: boolean().notNull(),
    actorId: uuid().references(() => users.id),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('movement_refusals_at_idx').on(t.at)],
);
