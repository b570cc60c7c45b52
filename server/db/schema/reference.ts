import { bigserial, boolean, index, jsonb, pgEnum, pgTable, point, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  areaMethods,
  mechanismKinds,
  portStatusReasons,
  portStatuses,
  stationKinds,
  type PolygonGeometry,
} from '@shared/reference/contract.js';

// Reference data seeded from seeds/border-reference.json; `approx` and `sources` are kept
// on every record so the console can show what is estimated and where it came from.

export const portStatusEnum = pgEnum('port_status', portStatuses);

export const ports = pgTable(
  'ports',
  {
    id: text().primaryKey(),
    usName: text().notNull(),
    mxName: text().notNull(),
    usState: text().notNull(),
    mxState: text().notNull(),
    btsPortCode: text(),
    usLocation: point({ mode: 'xy' }).notNull(),
    mxLocation: point({ mode: 'xy' }).notNull(),
    usTimeZone: text().notNull(),
    mxTimeZone: text().notNull(),
    status: portStatusEnum().notNull().default('open'),
    approx: boolean().notNull(),
    notes: text(),
    sources: jsonb().$type<string[]>().notNull(),
  },
  (t) => [index('ports_us_location_idx').using('gist', t.usLocation)],
);

export const mechanismKindEnum = pgEnum('mechanism_kind', mechanismKinds);

export const areaMethodEnum = pgEnum('area_method', areaMethods);

export const mechanisms = pgTable('mechanisms', {
  id: text().primaryKey(),
  kind: mechanismKindEnum().notNull(),
  usCity: text().notNull(),
  usState: text().notNull(),
  /** Null for an Interior Consultation Mechanism: a consulate in a U.S. interior city. */
  mxCity: text(),
  mxState: text(),
  centre: point({ mode: 'xy' }).notNull(),
  /** IANA zone of the mechanism's rotations (both sister cities keep one clock). */
  timeZone: text().notNull(),
  /** Area of responsibility (issue 15), GeoJSON [lon, lat]; incidents and "who to call" are assigned by it. */
  area: jsonb().$type<PolygonGeometry>(),
  /** `drawn` areas are an administrator's and are never overwritten by seeding. */
  areaMethod: areaMethodEnum(),
  areaBasis: text(),
  evidence: text().notNull(),
  approx: boolean().notNull(),
  illustrative: boolean().notNull().default(false),
  sources: jsonb().$type<string[]>().notNull(),
});

export const stationKindEnum = pgEnum('station_kind', stationKinds);

export const stations = pgTable('stations', {
  id: text().primaryKey(),
  kind: stationKindEnum().notNull(),
  name: text().notNull(),
  state: text().notNull(),
  location: point({ mode: 'xy' }).notNull(),
  timeZone: text().notNull(),
  approx: boolean().notNull(),
  sources: jsonb().$type<string[]>().notNull(),
});

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
    /** Like the audit log's: who it was, even after the account is gone. */
    actorId: uuid(),
    actorName: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('port_status_changes_port_idx').on(t.portId, t.id)],
);

/** The works the reference data cites (`sources` of every record above), shown by title with a link. */
export const sources = pgTable('sources', {
  id: text().primaryKey(),
  title: text().notNull(),
  /** Where to read it; null for a source with no address to open (a local computation). */
  url: text(),
});
