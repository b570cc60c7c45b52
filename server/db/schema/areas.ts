import { boolean, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { riskLevels, type AreaGeometry } from '@shared/reference/contract.js';

export const riskLevelEnum = pgEnum('risk_level', riskLevels);

/**
 * High-risk areas (Plan of Action I): seeded from seeds/border-reference.json, then drawn,
 * edited, imported and deleted by supervisors (server/features/areas). A text column is null
 * where an imported area has no wording in that language yet; `edited_at` marks a row a
 * supervisor changed, which seeding never overwrites; `deleted_at` keeps a deleted area's
 * name for the incidents that were placed in it, off the map and out of assignment.
 */
export const areas = pgTable('areas', {
  id: text().primaryKey(),
  nameEn: text(),
  nameEs: text(),
  hazardEn: text(),
  hazardEs: text(),
  seasonEn: text(),
  seasonEs: text(),
  side: text().notNull(),
  riskLevel: riskLevelEnum().notNull(),
  geometry: jsonb().$type<AreaGeometry>().notNull(),
  approx: boolean().notNull(),
  sources: jsonb().$type<string[]>().notNull(),
  editedAt: timestamp({ withTimezone: true }),
  deletedAt: timestamp({ withTimezone: true }),
});
