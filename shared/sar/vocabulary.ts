import { z } from 'zod';

/**
 * Plan of Action V, Emergency Management: "search and rescue coordination"; Plan I:
 * "operational plans for search and rescue in dangerous areas". Teams come from either side.
 */
export const teamKinds = ['borstar', 'grupo_beta', 'fire_ems', 'other'] as const;
export const teamKind = z.enum(teamKinds);
export type TeamKind = z.infer<typeof teamKind>;

export const assetKinds = ['aircraft', 'vehicle', 'dog', 'boat', 'other'] as const;
export const assetKind = z.enum(assetKinds);
export type AssetKind = z.infer<typeof assetKind>;

/** A sector is assigned to a team, then searched, then cleared (nothing more to find there). */
export const sectorStatuses = ['assigned', 'searched', 'cleared'] as const;
export const sectorStatus = z.enum(sectorStatuses);
export type SectorStatus = z.infer<typeof sectorStatus>;

export const sarOutcomes = ['found_alive', 'found_deceased', 'not_found', 'called_off'] as const;
export const sarOutcome = z.enum(sarOutcomes);
export type SarOutcome = z.infer<typeof sarOutcome>;

/** What a SAR timeline entry (incident timeline kind `sar`) records. */
export const sarChanges = ['opened', 'team', 'asset', 'sector', 'sectorStatus', 'progress', 'closed'] as const;
export type SarChange = (typeof sarChanges)[number];
