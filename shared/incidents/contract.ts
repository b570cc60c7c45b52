import { z } from 'zod';
import { country } from '@shared/auth.js';
import { bilingual, ref } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';
import { textId, uuidId } from '@shared/ids.js';
import { latLon } from '@shared/reference/contract.js';
import { placeDescription } from '@shared/reference/place.js';
import { safeText } from '@shared/text.js';
import { instant } from '@shared/time-bounds.js';
import { timelineEntry } from '@shared/timeline.js';
import {
  alertTier,
  incidentStatus,
  incidentType,
  investigationStatus,
  people,
  severity,
  type IncidentStatus,
  type IncidentType,
  type Severity,
} from './vocabulary.js';

export {
  alertTier,
  alertTiers,
  incidentStatus,
  incidentStatuses,
  incidentType,
  incidentTypes,
  investigationStatus,
  investigationStatuses,
  people,
  severities,
  severity,
  type IncidentStatus,
  type IncidentType,
  type People,
  type Severity,
} from './vocabulary.js';
/** An entry of the incident's timeline: one of the kinds the features contribute (shared/timeline.ts). */
export { timelineEntry, type TimelineEntry } from '@shared/timeline.js';

/**
 * Hand-offs an officer may make. `resolved → responding` reopens; `closed` is final.
 * `reported → acknowledged` happens by itself when both governments have acknowledged
 * (kept here for API clients that still send it); officers hand off with `handOffTargets`.
 * Plan of Action V: "immediate attention to critical border incidents".
 */
export const statusTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['acknowledged', 'responding'],
  acknowledged: ['responding'],
  responding: ['resolved'],
  resolved: ['responding', 'closed'],
  closed: [],
};

/**
 * Plan of Action III and the Mérida MOU (1999): violent incidents are followed up between
 * consuls and U.S. Attorneys, so these types need an investigation record before closing.
 */
export const investigatedTypes: readonly IncidentType[] = [
  'death',
  'violence_against_migrants',
  'assault_on_officers',
  'incursion',
];

/** Statuses in which an incident needs nothing more: its open alerts are settled and it never escalates. */
export const finishedStatuses: readonly IncidentStatus[] = ['resolved', 'closed'];

/** An investigation not updated for this long is flagged for supervisors. */
export const staleInvestigationDays = 30;

export const SUMMARY_MAX = 2000;

/** ISO 8601 with an explicit offset, so the instant never depends on a server's zone; in 1970–2199 (shared/time-bounds). */
export const isoInstant = instant();

/**
 * The earliest `occurredAt` a report may give. The Plan of Action dates from June 2001 and
 * nothing older is entered as a live report; an earlier date is a slip (a year typed as
 * "1900" or "0026"), and the floor leaves room for the Plan's first incidents.
 */
export const OCCURRED_AT_FLOOR = '2000-01-01T00:00:00Z';
/** How far ahead of the server's clock `occurredAt` may be: officers' clocks drift a little, not more. */
export const OCCURRED_AT_MAX_FUTURE_MINUTES = 10;

/**
 * `occurredAt` as the schema can judge it without a clock: not before the floor, and not past
 * 2199, which is always "ahead of now" (the service then holds it to the server's clock).
 */
const occurredAt = instant({
  notBefore: { at: OCCURRED_AT_FLOOR, reason: ref('incidentError.occurredAtBeforeFloor') },
  pastLatest: ref('incidentError.occurredAtFuture', { minutes: OCCURRED_AT_MAX_FUTURE_MINUTES }),
});

/** `/api/incidents/:id/…` (and the features that hang off an incident: checklists, search and rescue). */
export const incidentIdParams = z.object({ id: uuidId() });

export const createIncidentBody = z.object({
  type: incidentType,
  severity,
  summary: safeText().trim().min(1).max(SUMMARY_MAX),
  location: latLon,
  occurredAt,
  people: people.optional(),
  /** An exercise (drill): marked as such everywhere and left out of statistics and reports. */
  exercise: z.boolean().optional(),
});
export type CreateIncidentBody = z.infer<typeof createIncidentBody>;

export const updateIncidentBody = z.object({
  version: z.number().int().min(1),
  status: incidentStatus.optional(),
  severity: severity.optional(),
  summary: safeText().trim().min(1).max(SUMMARY_MAX).optional(),
  people: people.optional(),
  note: safeText().trim().min(1).max(SUMMARY_MAX).optional(),
});
export type UpdateIncidentBody = z.infer<typeof updateIncidentBody>;

export const investigationBody = z.object({
  leadAgency: safeText().trim().min(1).max(200),
  caseReference: safeText().trim().min(1).max(100),
  status: investigationStatus,
  notes: safeText().trim().max(SUMMARY_MAX).optional(),
});
export type InvestigationBody = z.infer<typeof investigationBody>;

export const investigation = investigationBody.extend({
  notes: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  stale: z.boolean(),
});
export type Investigation = z.infer<typeof investigation>;

export const incident = z.object({
  id: z.string().uuid(),
  type: incidentType,
  severity,
  status: incidentStatus,
  summary: z.string(),
  location: latLon,
  occurredAt: z.string(),
  people,
  mechanismId: z.string().nullable(),
  areaIds: z.array(z.string()),
  reportedBy: z.string(),
  reportingAgency: z.string(),
  reportingCountry: country,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Fictional demo data seeded beside the demo accounts: marked wherever it is shown. */
  demo: z.boolean(),
  /** Reported in an exercise (drill): marked everywhere, left out of statistics and reports. */
  exercise: z.boolean(),
  /**
   * Where it happened in words (areas, mechanism, nearest port or town, local time zone),
   * from the reference geography. Absent on events recorded before it existed.
   */
  place: placeDescription.optional(),
});
export type Incident = z.infer<typeof incident>;

/** One government's acknowledgement of an incident's alert. */
export const acknowledgement = z.object({
  government: country,
  tier: alertTier,
  by: z.string(),
  at: z.string(),
  /** The reporting government's acknowledgement, recorded with the report itself: it has the alert in hand. */
  withReport: z.boolean(),
});
export type Acknowledgement = z.infer<typeof acknowledgement>;

export const alert = z.object({
  id: z.string().uuid(),
  tier: alertTier,
  raisedAt: z.string(),
  ackDeadline: z.string(),
  escalatedAt: z.string().nullable(),
  /**
   * When the alert stopped needing anything: both governments acknowledged, or the
   * incident was resolved or closed first. A settled alert never escalates.
   */
  settledAt: z.string().nullable(),
  acknowledgements: z.array(acknowledgement),
});
export type Alert = z.infer<typeof alert>;

/** The timeline's `by` for steps the console took by itself (an escalation at its deadline). */
export const consoleActor = 'system';

/**
 * How many timeline entries one read gives (issue #22: 300 notes made one 603 KB answer). The
 * incident's answer holds the newest page; `GET /api/incidents/:id/timeline?before=` the older ones.
 */
export const TIMELINE_PAGE = 100;

/**
 * A timeline page's `before` cursor: the id of the oldest entry already read (entries are
 * ordered by id, the order they were written). Digits only, short enough to stay an exact number.
 */
export const timelineCursor = z
  .string()
  .max(15)
  .regex(/^[0-9]+$/);

export const timelineQuery = z.object({
  before: timelineCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(TIMELINE_PAGE),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

/** Entries oldest first, the page just before `before`; `nextCursor` reads the page before this one, null at the report. */
export const timelinePage = z.object({
  items: z.array(timelineEntry),
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePage>;

export const incidentDetail = incident.extend({
  /** The newest `TIMELINE_PAGE` entries, oldest first (the whole timeline when it is shorter). */
  timeline: z.array(timelineEntry),
  /** The `before` cursor of the entries older than `timeline`; null when `timeline` starts at the report. */
  timelineNextCursor: z.string().nullable(),
  alerts: z.array(alert),
  /** Every government's acknowledgement across the incident's alerts, oldest first. */
  acknowledgements: z.array(acknowledgement),
  investigation: investigation.nullable(),
  investigationRequired: z.boolean(),
});
export type IncidentDetail = z.infer<typeof incidentDetail>;

const bboxPattern = /^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$/;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What base64url `text` spells, or null (the alphabet and padding are checked by `atob`). */
function fromBase64url(text: string): string | null {
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
}

/**
 * The feed's keyset cursor as `nextCursor` gave it: base64url of "<createdAt>|<id>". Its
 * instant is held to the same bounds as any other, so a forged cursor is a 400, not a failed query.
 */
export const feedCursor = z
  .string()
  .max(200, { abort: true })
  .superRefine((cursor, ctx) => {
    const [at = '', id = '', ...rest] = fromBase64url(cursor)?.split('|') ?? [];
    if (rest.length > 0 || !uuidPattern.test(id) || !isoInstant.safeParse(at).success)
      ctx.addIssue({ code: 'custom', input: cursor, ...customIssue(bilingual('validation.invalid')) });
  });

export const incidentQuery = z.object({
  bbox: z.string().max(200).regex(bboxPattern, 'bbox must be minLon,minLat,maxLon,maxLat').optional(),
  status: incidentStatus.optional(),
  type: incidentType.optional(),
  severity: severity.optional(),
  mechanismId: textId().optional(),
  /** Only incidents with an open alert this government has not acknowledged yet. */
  awaiting: country.optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: feedCursor.optional(),
});
export type IncidentQuery = z.infer<typeof incidentQuery>;

export const incidentPage = z.object({
  items: z.array(incident),
  nextCursor: z.string().nullable(),
});
export type IncidentPage = z.infer<typeof incidentPage>;

export const acknowledgeResponse = z.object({
  incidentId: z.string().uuid(),
  government: country,
  acknowledgements: z.array(acknowledgement),
});
export type AcknowledgeResponse = z.infer<typeof acknowledgeResponse>;

/** Minutes each government has to acknowledge before the alert escalates to the central desks. */
export type AckDeadlines = Record<Severity, number>;
export const defaultAckDeadlines: AckDeadlines = { critical: 10, high: 20, medium: 60, low: 60 };

/** Central-desk view (Washington – Mexico City): incidents whose alert escalated. */
export const incidentWithAlerts = incident.extend({ alerts: z.array(alert) });
export type IncidentWithAlerts = z.infer<typeof incidentWithAlerts>;
export const escalationList = z.object({ items: z.array(incidentWithAlerts) });
export type EscalationList = z.infer<typeof escalationList>;

/** Supervisors' follow-up list: incidents that need an investigation, flagged when missing or stale. */
export const investigationFollowUp = z.object({
  incident,
  investigation: investigation.nullable(),
  flag: z.enum(['missing', 'stale', 'current']),
});
export const investigationList = z.object({ items: z.array(investigationFollowUp) });
export type InvestigationList = z.infer<typeof investigationList>;
export type InvestigationFollowUp = z.infer<typeof investigationFollowUp>;

/** A running alert the caller's government has still to acknowledge (the header's counter, the feed's countdowns). */
export const awaitingAcknowledgement = z.object({
  incidentId: z.string().uuid(),
  alertId: z.string().uuid(),
  tier: alertTier,
  ackDeadline: z.string(),
});
export type AwaitingAcknowledgement = z.infer<typeof awaitingAcknowledgement>;
export const awaitingList = z.object({ government: country, items: z.array(awaitingAcknowledgement) });
export type AwaitingList = z.infer<typeof awaitingList>;
