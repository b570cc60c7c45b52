import { pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { checklistKinds } from '@shared/checklists/contract.js';
import { incidents } from './incidents.js';

export const checklistKindEnum = pgEnum('checklist_kind', checklistKinds);

/** A checklist followed on an incident (Plan of Action V): one per kind and incident. */
export const checklists = pgTable(
  'checklists',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    kind: checklistKindEnum().notNull(),
    startedById: uuid(),
    startedBy: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique('checklists_incident_kind_key').on(t.incidentId, t.kind)],
);

/**
 * A ticked step: one row per step, so two officers ticking different steps at once each
 * write their own row and neither loses the other's. Unticking deletes the row (the
 * incident's timeline and the audit log keep the history).
 */
export const checklistTicks = pgTable(
  'checklist_ticks',
  {
    checklistId: uuid()
      .notNull()
      .references(() => checklists.id),
    stepId: text().notNull(),
    byId: uuid(),
    by: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.checklistId, t.stepId] })],
);
