import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contactKinds } from '@shared/liaison/contract.js';
import { mechanisms } from './reference.js';
import { countryEnum } from './users.js';

// The liaison mechanisms' rosters (issue 15, Plan of Action VIII). Ids are text: seeded
// records keep readable ids ("san-diego-tijuana.bp-day-1"), new ones get a random UUID.
const id = () =>
  text()
    .primaryKey()
    .default(sql`gen_random_uuid()::text`);
const mechanismId = () =>
  text()
    .notNull()
    .references(() => mechanisms.id);

/**
 * One row per mechanism: `version` counts roster changes, so the coverage-gap warning
 * chain (due work `liaison.coverage-gap`) knows when it has been superseded;
 * `demoSeededAt` makes the demo roster load once, even after coordinators delete it.
 */
export const mechanismRosters = pgTable('mechanism_rosters', {
  mechanismId: text()
    .primaryKey()
    .references(() => mechanisms.id),
  version: integer().notNull().default(0),
  demoSeededAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const mechanismMembers = pgTable(
  'mechanism_members',
  {
    id: id(),
    mechanismId: mechanismId(),
    name: text().notNull(),
    familyName: text(),
    /** A role key (shared/liaison/contract.ts `memberRoles`) or the official's own title. */
    role: text().notNull(),
    agency: text().notNull(),
    country: countryEnum().notNull(),
    verifiedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mechanism_members_mechanism_idx').on(t.mechanismId)],
);

export const contactKindEnum = pgEnum('contact_kind', contactKinds);

export const memberContacts = pgTable(
  'member_contacts',
  {
    id: id(),
    memberId: text()
      .notNull()
      .references(() => mechanismMembers.id, { onDelete: 'cascade' }),
    kind: contactKindEnum().notNull(),
    label: text().notNull(),
    /** Phones in E.164; radio a channel or call sign; email as given. */
    value: text().notNull(),
    working: boolean().notNull(),
    /** Order within the member: the first working phone is the one to call. */
    position: integer().notNull(),
  },
  (t) => [index('member_contacts_member_idx').on(t.memberId, t.position)],
);

/**
 * Weekly shifts in the mechanism's zone. A member's deletion leaves the shift empty: a
 * gap shown, never a shift silently skipped.
 */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: id(),
    mechanismId: mechanismId(),
    side: countryEnum().notNull(),
    escalation: integer().notNull(),
    /** ISO weekdays the shift starts on, 1 = Monday. */
    days: jsonb().$type<number[]>().notNull(),
    /** "HH:MM" wall clock; an end at or before the start is past midnight. */
    start: text().notNull(),
    end: text().notNull(),
    memberId: text().references(() => mechanismMembers.id, { onDelete: 'set null' }),
    /** Order as the coordinator wrote the rotation (field messages name shifts by it). */
    position: integer().notNull(),
  },
  (t) => [index('duty_shifts_mechanism_idx').on(t.mechanismId, t.position)],
);

export const dutyOverrides = pgTable(
  'duty_overrides',
  {
    id: id(),
    mechanismId: mechanismId(),
    side: countryEnum().notNull(),
    escalation: integer().notNull(),
    start: timestamp({ withTimezone: true }).notNull(),
    end: timestamp({ withTimezone: true }).notNull(),
    memberId: text().references(() => mechanismMembers.id, { onDelete: 'set null' }),
    reason: text().notNull(),
  },
  (t) => [index('duty_overrides_mechanism_idx').on(t.mechanismId, t.end)],
);

/** Coverage gaps a coordinator decided to leave (an office closed on a holiday): not warned. */
export const intendedGaps = pgTable(
  'intended_gaps',
  {
    id: id(),
    mechanismId: mechanismId(),
    side: countryEnum().notNull(),
    start: timestamp({ withTimezone: true }).notNull(),
    end: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
  },
  (t) => [index('intended_gaps_mechanism_idx').on(t.mechanismId, t.end)],
);

/** Periodic meetings to review results (Plan of Action I–II). */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    mechanismId: mechanismId(),
    /** Wall-clock "YYYY-MM-DDTHH:MM" where the meeting happens, read in `timeZone`. */
    startsAt: text().notNull(),
    timeZone: text().notNull(),
    durationMinutes: integer().notNull(),
    place: text().notNull(),
    agenda: text().notNull(),
    minutes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_mechanism_idx').on(t.mechanismId, t.startsAt)],
);

export const commitments = pgTable(
  'commitments',
  {
    id: id(),
    mechanismId: mechanismId(),
    meetingId: text().references(() => meetings.id, { onDelete: 'set null' }),
    text: text().notNull(),
    /** A person or an agency, as agreed at the meeting. */
    owner: text().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    done: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('commitments_mechanism_idx').on(t.mechanismId, t.dueDate)],
);
