import { boolean, index, jsonb, pgEnum, pgTable, point, real, text } from 'drizzle-orm/pg-core';
import {
  mechanismKinds,
  portStatuses,
  riskLevels,
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

export const mechanisms = pgTable('mechanisms', {
  id: text().primaryKey(),
  kind: mechanismKindEnum().notNull(),
  usCity: text().notNull(),
  usState: text().notNull(),
  mxCity: text().notNull(),
  mxState: text().notNull(),
  centre: point({ mode: 'xy' }).notNull(),
  radiusKm: real().notNull(),
  evidence: text().notNull(),
  approx: boolean().notNull(),
  sources: jsonb().$type<string[]>().notNull(),
});

export const riskLevelEnum = pgEnum('risk_level', riskLevels);

export const areas = pgTable('areas', {
  id: text().primaryKey(),
  nameEn: text().notNull(),
  nameEs: text().notNull(),
  hazardEn: text().notNull(),
  hazardEs: text().notNull(),
  seasonEn: text().notNull(),
  seasonEs: text().notNull(),
  side: text().notNull(),
  riskLevel: riskLevelEnum().notNull(),
  geometry: jsonb().$type<PolygonGeometry>().notNull(),
  approx: boolean().notNull(),
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

/** The works the reference data cites (`sources` of every record above), shown by title with a link. */
export const sources = pgTable('sources', {
  id: text().primaryKey(),
  title: text().notNull(),
  /** Where to read it; null for a source with no address to open (a local computation). */
  url: text(),
});
