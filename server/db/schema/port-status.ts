import { bigserial, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { portStatusReasons } from '@shared/reference/contract.js';
import { portStatusEnum, ports } from './reference.js';
import { users } from './users.js';

export const portStatusReasonEnum = pgEnum('port_status_reason', portStatusReasons);

/**
 * Append-only history of port status (Plan of Action V, emergencies at crossing points): every
 * opening, restriction and closure with its reason, who and when. `ports.status` is the
 * current one; the latest row here says why and since when.
 */
export const portStatusChanges = pgTable(
  'port_status_changes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    portId: text()
      .notNull()
      .references(() => ports.id),
    status: portStatusEnum().notNull(),
    reason: portStatusReasonEnum(),
    note: text(),
    actorId: uuid().references(() => users.id),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('port_status_changes_port_idx').on(t.portId, t.id)],
);
