import { z } from 'zod';
import { safeText } from '@shared/text.js';
import { customIssue } from '@shared/i18n/validation.js';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import { textId, uuidId } from '@shared/ids.js';
import { MAX_POLYGON_POSITIONS, polygonProblem } from '@shared/polygon.js';
import { isoInstant } from '@shared/incidents/contract.js';
import { polygonGeometry } from '@shared/reference/contract.js';

/** Plan of Action V: "weather related and natural disaster emergencies (wild fires, snow storms, rainstorms, heat waves)". */
export const hazards = ['heat', 'wildfire', 'rainstorm', 'flood', 'snow_storm', 'other'] as const;
export const hazard = z.enum(hazards);
export type Hazard = z.infer<typeof hazard>;

/** CAP 1.2 severities (without `Unknown`): an advisory always says how bad. */
export const advisorySeverities = ['minor', 'moderate', 'severe', 'extreme'] as const;
export const advisorySeverity = z.enum(advisorySeverities);
export type AdvisorySeverity = z.infer<typeof advisorySeverity>;

/** A draft may be edited freely; published ones are updated (CAP Update), cancelled, or expire at `validTo`. */
export const advisoryStatuses = ['draft', 'published', 'cancelled', 'expired'] as const;
export const advisoryStatus = z.enum(advisoryStatuses);
export type AdvisoryStatus = z.infer<typeof advisoryStatus>;

/** CAP `msgType` of each message the console sends about an advisory. */
export const capMessageTypes = ['Alert', 'Update', 'Cancel'] as const;
export type CapMessageType = (typeof capMessageTypes)[number];

/** What happened to an advisory, in its history. */
export const advisoryChanges = ['created', 'edited', 'published', 'updated', 'cancelled', 'expired'] as const;
export const advisoryChange = z.enum(advisoryChanges);

/** CAP 1.2's media type: the console's messages are served as it; imports may also say plain XML. */
export const CAP_CONTENT_TYPE = 'application/cap+xml';
export const CAP_IMPORT_CONTENT_TYPES = ['application/xml', 'text/xml', CAP_CONTENT_TYPE] as const;

export const TEXT_MAX = 4000;
/** A cancelled advisory stays in the public feed this long, so receivers take the Cancel. */
export const RECENTLY_CANCELLED_HOURS = 48;

const text = safeText().trim().min(1).max(TEXT_MAX);

/**
 * A drawn polygon: the schema's shape plus what CAP receivers need and the XSD doesn't check —
 * the console's polygon rules (shared/polygon.ts), refused where they fail.
 */
export const advisoryPolygon = polygonGeometry.superRefine((polygon, ctx) => {
  const problem = polygonProblem(polygon, { maxPositions: MAX_POLYGON_POSITIONS.advisory });
  if (problem)
    ctx.addIssue({ code: 'custom', path: problem.path.split('.'), ...customIssue(bilingualRef(problem.reason)) });
});

/** Both languages are optional in a draft; publishing needs both (`missingLanguages`). */
export const advisoryText = z.object({ en: text.optional(), es: text.optional() });
export type AdvisoryText = z.infer<typeof advisoryText>;

/** The body's fields; `advisoryBody` adds the rules across them (the editor extends these fields for its inputs). */
export const advisoryFields = z.object({
  hazard,
  severity: advisorySeverity,
  areaIds: z.array(textId()).max(50).optional(),
  polygon: advisoryPolygon.optional(),
  validFrom: isoInstant,
  validTo: isoInstant,
  text: advisoryText,
  /** An exercise (drill): CAP `status` Exercise, marked as such everywhere. */
  exercise: z.boolean().optional(),
});

/** Rules across fields: validity ends after it starts; an advisory is for some place. */
export function checkAdvisory(body: z.output<typeof advisoryFields>, ctx: z.RefinementCtx): void {
  if (Date.parse(body.validTo) <= Date.parse(body.validFrom))
    ctx.addIssue({ code: 'custom', path: ['validTo'], ...customIssue(bilingual('advisoryError.validity')) });
  if (!body.areaIds?.length && !body.polygon)
    ctx.addIssue({ code: 'custom', path: ['areaIds'], ...customIssue(bilingual('advisoryError.noPlace')) });
}

export const advisoryBody = advisoryFields.superRefine(checkAdvisory);
export type AdvisoryBody = z.infer<typeof advisoryBody>;

/**
 * The reason is optional, and so is the body: Fastify hands a route that was sent no body
 * `null`, so "no body" is `nullish`, not just `optional` (which would answer 400 "is required").
 */
export const cancelAdvisoryBody = z.object({ reason: safeText().trim().min(1).max(TEXT_MAX).optional() }).nullish();
export type CancelAdvisoryBody = z.infer<typeof cancelAdvisoryBody>;

export const advisoryQuery = z.object({ active: z.enum(['true', 'false']).optional() });

/** `/api/advisories/:id…`. */
export const advisoryIdParams = z.object({ id: uuidId() });

export const areaRef = z.object({ id: z.string(), name: z.object({ en: z.string(), es: z.string() }) });
export type AreaRef = z.infer<typeof areaRef>;

export const advisoryHistoryEntry = z.object({
  change: advisoryChange,
  /** The CAP message this change sent, if any. */
  msgType: z.enum(capMessageTypes).nullable(),
  identifier: z.string().nullable(),
  at: z.string(),
  by: z.string(),
  note: z.string().nullable(),
});
export type AdvisoryHistoryEntry = z.infer<typeof advisoryHistoryEntry>;

export const advisory = z.object({
  id: z.string().uuid(),
  hazard,
  severity: advisorySeverity,
  status: advisoryStatus,
  exercise: z.boolean(),
  areaIds: z.array(z.string()),
  areas: z.array(areaRef),
  polygon: polygonGeometry.nullable(),
  /** Every polygon the advisory covers: its areas' and the drawn one (the map and CAP `<area>`). */
  shapes: z.array(polygonGeometry),
  /** Mechanisms whose areas the advisory touches: whose officers are alerted. */
  mechanismIds: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  text: z.object({ en: z.string().nullable(), es: z.string().nullable() }),
  cancelReason: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Advisory = z.infer<typeof advisory>;

export const advisoryDetail = advisory.extend({ history: z.array(advisoryHistoryEntry) });
export type AdvisoryDetail = z.infer<typeof advisoryDetail>;

export const advisoryList = z.object({ items: z.array(advisory) });

export const importedAdvisory = z.object({ advisory, matchedAreas: z.array(areaRef) });
export type ImportedAdvisory = z.infer<typeof importedAdvisory>;
