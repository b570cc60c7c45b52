import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { setAsideReasons } from '@shared/due-work/contract.js';

export const setAsideReasonEnum = pgEnum('due_work_set_aside_reason', setAsideReasons);

/**
 * Work that falls due at a time: an alert's escalation deadline today; advisory expiries,
 * repatriation notice deadlines and roster gaps next. A row is a durable timer: whichever
 * instance claims it first (FOR UPDATE SKIP LOCKED) runs it and sets `doneAt` in the same
 * transaction, so it runs exactly once and survives restarts (server/core/due-work.ts).
 * Work that fails on its last allowed attempt, or whose payload doesn't parse, is set aside
 * (`setAsideAt`): kept with its last error for an admin to retry, never run automatically.
 */
export const dueWork = pgTable(
  'due_work',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Names the handler a feature registered, e.g. `incident.escalation`. */
    kind: text().notNull(),
    /** What it is about (an incident id, an advisory id…), for the handler and for operators. */
    subjectId: text().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Failed runs so far; each failure pushes `dueAt` back. */
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp({ withTimezone: true }),
    /** Set aside (dead-lettered): not claimed again until an admin retries it. */
    setAsideAt: timestamp({ withTimezone: true }),
    setAsideReason: setAsideReasonEnum(),
  },
  (t) => [
    index('due_work_due_idx')
      .on(t.dueAt)
      .where(sql`${t.doneAt} is null and ${t.setAsideAt} is null`),
    index('due_work_set_aside_idx')
      .on(t.setAsideAt)
      .where(sql`${t.setAsideAt} is not null and ${t.doneAt} is null`),
  ],
);
