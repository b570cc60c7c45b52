import { z } from 'zod';
import { country } from '@shared/auth.js';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';
import { uuidId } from '@shared/ids.js';
import { polygonGeometry } from '@shared/reference/contract.js';
import { safeText } from '@shared/text.js';
import { MAX_POLYGON_POSITIONS, polygonProblem } from '@shared/polygon.js';
import { instant } from '@shared/time-bounds.js';
import { sarTimelineKinds } from './timeline.js';
import { assetKind, sarOutcome, sectorStatus, teamKind } from './vocabulary.js';

export {
  assetKind,
  assetKinds,
  sarChanges,
  sarOutcome,
  sarOutcomes,
  sectorStatus,
  sectorStatuses,
  teamKind,
  teamKinds,
  type AssetKind,
  type SarChange,
  type SarOutcome,
  type SectorStatus,
  type TeamKind,
} from './vocabulary.js';

export const sarStatuses = ['open', 'closed'] as const;
export const sarStatus = z.enum(sarStatuses);
export type SarStatus = z.infer<typeof sarStatus>;

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
  log: z.array(sarTimelineKinds.sar),
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
