import { z } from 'zod';
import { country } from '@shared/auth.js';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';
import { uuidId } from '@shared/ids.js';
import { timelineEntry } from '@shared/incidents/contract.js';
import { polygonGeometry } from '@shared/reference/contract.js';
import { safeText } from '@shared/text.js';
import { MAX_POLYGON_POSITIONS, polygonProblem } from '@shared/polygon.js';
import { instant } from '@shared/time-bounds.js';

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

export const sarStatuses = ['open', 'closed'] as const;
export const sarStatus = z.enum(sarStatuses);
export type SarStatus = z.infer<typeof sarStatus>;

export const sarOutcomes = ['found_alive', 'found_deceased', 'not_found', 'called_off'] as const;
export const sarOutcome = z.enum(sarOutcomes);
export type SarOutcome = z.infer<typeof sarOutcome>;

/** What a SAR timeline entry (incident timeline kind `sar`) records. */
export const sarChanges = ['opened', 'team', 'asset', 'sector', 'sectorStatus', 'progress', 'closed'] as const;
export type SarChange = (typeof sarChanges)[number];

export const NOTE_MAX = 2000;
const name = safeText().trim().min(1).max(200);
const note = safeText().trim().min(1).max(NOTE_MAX);

/** `POST /api/incidents/:id/sar`: opens the operation; an optional first note (the objective). */
/** The form's fields; the request may also come with no body at all (Fastify hands that over as null). */
export const openSarFields = z.object({ note: note.optional() });
export const openSarBody = openSarFields.nullish();
export type OpenSarBody = z.infer<typeof openSarBody>;

export const teamBody = z.object({
  kind: teamKind,
  side: country,
  name,
  contact: safeText().trim().min(1).max(200).optional(),
});
export type TeamBody = z.infer<typeof teamBody>;

export const assetBody = z.object({
  kind: assetKind,
  description: name,
  teamId: uuidId().optional(),
});
export type AssetBody = z.infer<typeof assetBody>;

/**
 * A sector drawn on the map: the console's polygon rules (shared/polygon.ts: closed, ≥ 4
 * positions on the Earth, encloses area, no self-intersection), refused field by field.
 */
export const sectorPolygon = polygonGeometry.superRefine((polygon, ctx) => {
  const problem = polygonProblem(polygon, { maxPositions: MAX_POLYGON_POSITIONS.sector });
  if (problem)
    ctx.addIssue({ code: 'custom', path: problem.path.split('.'), ...customIssue(bilingualRef(problem.reason)) });
});

export const sectorBody = z.object({
  name: safeText().trim().min(1).max(100),
  polygon: sectorPolygon,
  teamId: uuidId().optional(),
});
export type SectorBody = z.infer<typeof sectorBody>;

/** `PATCH …/sar/sectors/:sectorId`: its status, its team (null: none), or both. */
export const sectorUpdateBody = z
  .object({ status: sectorStatus.optional(), teamId: uuidId().nullable().optional() })
  .refine((body) => body.status !== undefined || body.teamId !== undefined, {
    path: ['status'],
    ...customIssue(bilingual('sarError.nothingToChange')),
  });
export type SectorUpdateBody = z.infer<typeof sectorUpdateBody>;

export const progressBody = z.object({ note });
export type ProgressBody = z.infer<typeof progressBody>;

/** Closing says how it ended; calling a search off says why. */
export const closeSarBody = z
  .object({ outcome: sarOutcome, note: note.optional() })
  .refine((body) => body.outcome !== 'called_off' || body.note !== undefined, {
    path: ['note'],
    ...customIssue(bilingual('sarError.calledOffNote')),
  });
export type CloseSarBody = z.infer<typeof closeSarBody>;

export const sarTeam = z.object({
  id: z.string().uuid(),
  kind: teamKind,
  side: country,
  name: z.string(),
  contact: z.string().nullable(),
  addedAt: z.string(),
});
export type SarTeam = z.infer<typeof sarTeam>;

export const sarAsset = z.object({
  id: z.string().uuid(),
  kind: assetKind,
  description: z.string(),
  teamId: z.string().uuid().nullable(),
  addedAt: z.string(),
});
export type SarAsset = z.infer<typeof sarAsset>;

export const sarSector = z.object({
  id: z.string().uuid(),
  name: z.string(),
  polygon: polygonGeometry,
  status: sectorStatus,
  teamId: z.string().uuid().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type SarSector = z.infer<typeof sarSector>;

export const sarOperation = z.object({
  id: z.string().uuid(),
  incidentId: z.string().uuid(),
  /** The incident's mechanism: who may coordinate it (`sar.coordinate`, mechanism scope). */
  mechanismId: z.string().nullable(),
  /** Inherited from the incident: a drill, marked everywhere and left out of statistics. */
  exercise: z.boolean(),
  status: sarStatus,
  outcome: sarOutcome.nullable(),
  outcomeNote: z.string().nullable(),
  openedBy: z.string(),
  openedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  teams: z.array(sarTeam),
  assets: z.array(sarAsset),
  sectors: z.array(sarSector),
  /** The operation's entries on the incident timeline (kind `sar`), oldest first. */
  log: z.array(timelineEntry),
});
export type SarOperation = z.infer<typeof sarOperation>;

export const sectorParams = z.object({ id: uuidId(), sectorId: uuidId() });

/** `GET /api/sar/summary`: operations closed in the period, by outcome. Exercises are left out. */
export const sarSummaryQuery = z.object({
  from: instant().optional(),
  to: instant().optional(),
});
export const sarSummary = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** Operations opened in the period (open or closed). */
  operations: z.number().int(),
  open: z.number().int(),
  byOutcome: z.record(sarOutcome, z.number().int()),
});
export type SarSummary = z.infer<typeof sarSummary>;
