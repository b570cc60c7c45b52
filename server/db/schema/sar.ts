import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PolygonGeometry } from '@shared/reference/contract.js';
import { assetKinds, sarOutcomes, sarStatuses, sectorStatuses, teamKinds } from '@shared/sar/contract.js';
import { incidents } from './incidents.js';
import { mechanisms } from './reference.js';
import { countryEnum } from './users.js';

export const sarStatusEnum = pgEnum('sar_status', sarStatuses);
export const sarOutcomeEnum = pgEnum('sar_outcome', sarOutcomes);
export const sarTeamKindEnum = pgEnum('sar_team_kind', teamKinds);
export const sarAssetKindEnum = pgEnum('sar_asset_kind', assetKinds);
export const sarSectorStatusEnum = pgEnum('sar_sector_status', sectorStatuses);

/** Search-and-rescue operations (Plan of Action V and I): one per incident. */
export const sarOperations = pgTable(
  'sar_operations',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id),
    /** The incident's mechanism when it was opened: whose officers coordinate it. */
    mechanismId: text().references(() => mechanisms.id),
    /** Inherited from the incident: statistics count `exercise = false` only. */
    exercise: boolean().notNull().default(false),
    status: sarStatusEnum().notNull().default('open'),
    outcome: sarOutcomeEnum(),
    outcomeNote: text(),
    openedBy: text().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    closedBy: text(),
    closedAt: timestamp({ withTimezone: true }),
    /** Bumped on every change, so a reader can tell a newer state from an older one. */
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('sar_operations_incident_idx').on(t.incidentId),
    index('sar_operations_opened_idx').on(t.openedAt),
  ],
);

export const sarTeams = pgTable(
  'sar_teams',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The order they were added in (several may share an instant). */
    seq: bigserial({ mode: 'number' }).notNull(),
    operationId: uuid()
      .notNull()
      .references(() => sarOperations.id),
    kind: sarTeamKindEnum().notNull(),
    side: countryEnum().notNull(),
    name: text().notNull(),
    contact: text(),
    addedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sar_teams_operation_idx').on(t.operationId)],
);

export const sarAssets = pgTable(
  'sar_assets',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The order they were added in (several may share an instant). */
    seq: bigserial({ mode: 'number' }).notNull(),
    operationId: uuid()
      .notNull()
      .references(() => sarOperations.id),
    kind: sarAssetKindEnum().notNull(),
    description: text().notNull(),
    teamId: uuid().references(() => sarTeams.id),
    addedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sar_assets_operation_idx').on(t.operationId)],
);

export const sarSectors = pgTable(
  'sar_sectors',
  {
    id: uuid().primaryKey().defaultRandom(),
    operationId: uuid()
      .notNull()
      .references(() => sarOperations.id),
    name: text().notNull(),
    /** GeoJSON Polygon (WGS84), checked on the way in (shared/sar/rules.ts). */
    polygon: jsonb().$type<PolygonGeometry>().notNull(),
    status: sarSectorStatusEnum().notNull().default('assigned'),
    teamId: uuid().references(() => sarTeams.id),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    updatedBy: text().notNull(),
  },
  (t) => [index('sar_sectors_operation_idx').on(t.operationId)],
);
