import { z } from 'zod';
import { errorBody } from '@shared/errors.js';
import { safeText } from '@shared/text.js';
import { textId, uuidId } from '@shared/ids.js';
import { instant, timeZoneId } from '@shared/time-bounds.js';
import { isCountryCode } from './countries.js';
import { validationMessages, type Text } from './messages.js';
import { customIssue } from '@shared/i18n/validation.js';

/**
 * The repatriation contract (issue 14): what the API accepts and answers, shared by the server's
 * routes and the client's forms. Refinements carry their bilingual text with `customIssue`: the
 * field-message mapper shows it for `custom` issues.
 */
const issue = (text: Text) => customIssue(text);

/**
 * Categories from the 2003 report ("unaccompanied minors, pregnant women, and ill people") and
 * Plan of Action VII (ex-convicts).
 */
export const personCategories = [
  'adult_male',
  'adult_female',
  'pregnant',
  'ill',
  'unaccompanied_minor',
  'accompanied_minor',
  'ex_convict',
] as const;
export const personCategory = z.enum(personCategories);
export type PersonCategory = z.infer<typeof personCategory>;

/** 2003 report: "special attention to vulnerable persons like unaccompanied minors, pregnant women, and ill people". */
export const vulnerableCategories: readonly PersonCategory[] = ['unaccompanied_minor', 'pregnant', 'ill'];
/** The two minor categories; every other category is an adult. */
export const minorCategories: readonly PersonCategory[] = ['unaccompanied_minor', 'accompanied_minor'];

export const violationCodes = [
  /** Issue 23: planned from shortly before now up to a horizon ahead (`planningBounds`). */
  'TIME_OUT_OF_RANGE',
  'PORT_NOT_DESIGNATED',
  'OUTSIDE_WINDOW',
  'VULNERABLE_OUTSIDE_DAYLIGHT',
  'NON_MEXICAN_NATIONAL',
  'FAMILY_SPLIT',
  'CONSULAR_NOTICE_LATE',
  'EX_CONVICT_NOTICE_LATE',
  'EX_CONVICT_PORT',
  'EX_CONVICT_WITH_MINORS',
  'PORT_CLOSED',
  'CAPACITY_EXCEEDED',
] as const;
export const violationCode = z.enum(violationCodes);
export type ViolationCode = z.infer<typeof violationCode>;

/** A movement counts towards capacity and family unity until it is cancelled. */
export const movementStatuses = ['planned', 'confirmed', 'cancelled'] as const;
export const movementStatus = z.enum(movementStatuses);
export type MovementStatus = z.infer<typeof movementStatus>;

// ---- building blocks ----------------------------------------------------------------------

/**
 * ISO 8601 with an explicit offset or Z, so an instant never depends on a machine's zone; within
 * 1970–2199 (shared/time-bounds), where every date is written with four-digit years and zone data is meaningful.
 */
export const isoInstant = instant();

const wallClockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A wall-clock time at the port, "HH:MM", 00:00–23:59. */
export const wallClockTime = z
  .string()
  .max(20, { abort: true })
  .refine((value) => wallClockPattern.test(value), issue(validationMessages.wallClockTime));

export const nationality = z
  .string()
  .max(20, { abort: true })
  .refine(isCountryCode, issue(validationMessages.countryCode));

/** Ports and arrangements are keyed by slugs ("san-ysidro", "lra-arizona-sonora"; new arrangements get a UUID). */
const id = textId();

/** Refuses a value listed twice (ports, weekdays). */
const distinct = <T extends string | number>(values: readonly T[], ctx: z.RefinementCtx) => {
  const seen = new Set<T>();
  values.forEach((value, index) => {
    if (seen.has(value))
      ctx.addIssue({ code: 'custom', path: [index], ...issue(validationMessages.listedTwice(value)) });
    seen.add(value);
  });
};

// ---- persons ------------------------------------------------------------------------------

export const person = z.object({
  nationality,
  category: personCategory,
  /** Members of one family share it; they travel in one movement (1999 report: "preserving family units"). */
  familyId: safeText().trim().min(1).max(64).optional(),
});
export type Person = z.infer<typeof person>;

// ---- arrangements -------------------------------------------------------------------------

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export const weeklyWindow = z.object({
  /** ISO weekdays (Monday = 1) on which the window starts. */
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7).superRefine(distinct),
  start: wallClockTime,
  /** `end` ≤ `start`: the window runs past midnight and belongs to the day it starts. */
  end: wallClockTime,
});
export type WeeklyWindow = z.infer<typeof weeklyWindow>;

/** Two windows of one arrangement may not cover the same minute of the week (say which two, and on which day). */
function noOverlap(windows: readonly WeeklyWindow[], ctx: z.RefinementCtx) {
  const wellFormed = (w: WeeklyWindow) =>
    wallClockPattern.test(w.start) &&
    wallClockPattern.test(w.end) &&
    w.days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  const spans = windows.flatMap((w, index) => {
    if (!wellFormed(w)) return [];
    const [start, end] = [minutes(w.start), minutes(w.end)];
    const length = end > start ? end - start : end + MINUTES_PER_DAY - start;
    return w.days.map((day) => ({ index, from: (day - 1) * MINUTES_PER_DAY + start, length }));
  });
  const reported = new Set<string>();
  for (const a of spans) {
    for (const b of spans) {
      if (b.index <= a.index || reported.has(`${a.index}:${b.index}`)) continue;
      // The week wraps: Sunday night's window may run into Monday.
      const shift = [0, MINUTES_PER_WEEK, -MINUTES_PER_WEEK].find(
        (s) => a.from < b.from + s + b.length && b.from + s < a.from + a.length,
      );
      if (shift === undefined) continue;
      reported.add(`${a.index}:${b.index}`);
      const overlapStart = Math.max(a.from, b.from + shift);
      const day =
        Math.floor((((overlapStart % MINUTES_PER_WEEK) + MINUTES_PER_WEEK) % MINUTES_PER_WEEK) / MINUTES_PER_DAY) + 1;
      const [wa, wb] = [windows[a.index]!, windows[b.index]!];
      ctx.addIssue({
        code: 'custom',
        ...issue(
          validationMessages.windowsOverlap(
            { index: a.index, start: wa.start, end: wa.end },
            { index: b.index, start: wb.start, end: wb.end },
            day,
          ),
        ),
      });
    }
  }
}

/** The daylight window for vulnerable persons (1998 report: "special protection of children and women"). */
export const daylightWindow = z.object({ start: wallClockTime, end: wallClockTime }).superRefine((w, ctx) => {
  if (wallClockPattern.test(w.start) && wallClockPattern.test(w.end) && minutes(w.end) <= minutes(w.start)) {
    ctx.addIssue({ code: 'custom', path: ['end'], ...issue(validationMessages.daylightOrder) });
  }
});

const hoursOfNotice = z.number().min(0).max(720);

const arrangementFields = z.object({
  name: safeText().trim().min(1).max(200),
  /** Plan of Action VI; 1999 report: "predetermined border crossing points". A port is in one arrangement at most. */
  portIds: z.array(id).min(1).max(50).superRefine(distinct),
  /** Where the windows' wall-clock times are read; default: each port's Mexican side, where Mexican officials receive. */
  timeZone: timeZoneId.optional(),
  windows: z.array(weeklyWindow).min(1).max(28).superRefine(noOverlap),
  vulnerableWindow: daylightWindow,
  /** Consular notification (2003 report): hours before departure. */
  noticeHours: hoursOfNotice,
  /** Plan of Action VII: ex-convicts have their own advance notice and designated ports. */
  exConvict: z.object({ noticeHours: hoursOfNotice, portIds: z.array(id).max(50).superRefine(distinct) }),
  capacityPerWindow: z.number().int().min(1).max(10_000),
  /** Official hours per port are not public: seeded arrangements are illustrative. PUT keeps the current value when absent. */
  illustrative: z.boolean().optional(),
  /** What the hours rest on, and the reference sources (seeds/border-reference.json ids or URLs). */
  basis: safeText().trim().min(1).max(2000).nullable().optional(),
  sources: z.array(safeText().trim().min(1).max(500)).max(50).optional(),
});

function exConvictPortsWithin(body: z.infer<typeof arrangementFields>, ctx: z.RefinementCtx) {
  body.exConvict.portIds.forEach((portId, index) => {
    if (!body.portIds.includes(portId))
      ctx.addIssue({
        code: 'custom',
        path: ['exConvict', 'portIds', index],
        ...issue(validationMessages.exConvictPorts),
      });
  });
}

export const arrangementBody = arrangementFields.superRefine(exConvictPortsWithin);
export type ArrangementBody = z.infer<typeof arrangementBody>;

/** PUT replaces the arrangement; `version` guards against overwriting someone else's edit. */
export const updateArrangementBody = arrangementFields
  .extend({ version: z.number().int().min(1) })
  .superRefine(exConvictPortsWithin);
export type UpdateArrangementBody = z.infer<typeof updateArrangementBody>;

/** `/api/repatriation/arrangements/:id`. */
export const arrangementIdParams = z.object({ id });

export const arrangement = arrangementFields.extend({
  id: z.string(),
  /** Bumped on every edit; it is the calendar feed's SEQUENCE. */
  version: z.number().int().min(1),
  /** Official per-port hours are not public: seeded arrangements are marked illustrative. */
  illustrative: z.boolean(),
  basis: z.string().nullable(),
  sources: z.array(z.string()),
  updatedAt: z.string(),
});
export type Arrangement = z.infer<typeof arrangement>;

// ---- windows ------------------------------------------------------------------------------

export const MAX_WINDOWS_RANGE_DAYS = 92;

const instantRange = <T extends { from?: string | undefined; to?: string | undefined }>(
  query: T,
  ctx: z.RefinementCtx,
) => {
  if (!query.from || !query.to) return;
  const [from, to] = [Date.parse(query.from), Date.parse(query.to)];
  if (to <= from) ctx.addIssue({ code: 'custom', path: ['to'], ...issue(validationMessages.rangeOrder) });
  else if (to - from > MAX_WINDOWS_RANGE_DAYS * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], ...issue(validationMessages.rangeLength(MAX_WINDOWS_RANGE_DAYS)) });
  }
};

/** `GET /api/repatriation/windows?port=&from=&to=`; the route fills a missing range with the coming week. */
export const windowsQuery = z
  .object({ port: id.optional(), from: isoInstant.optional(), to: isoInstant.optional() })
  .superRefine(instantRange);
export type WindowsQuery = z.infer<typeof windowsQuery>;

/** One occurrence of a window, written with the port's UTC offset at each instant. */
export const repatriationWindow = z.object({
  portId: z.string(),
  arrangementId: z.string(),
  start: z.string(),
  end: z.string(),
  /** The daylight part of this window for vulnerable persons; null when the two do not meet that day. */
  vulnerableStart: z.string().nullable(),
  vulnerableEnd: z.string().nullable(),
});
export type RepatriationWindow = z.infer<typeof repatriationWindow>;

/** `GET /api/repatriation/schedule.ics?port=|arrangement=`. */
export const scheduleQuery = z.object({ port: id.optional(), arrangement: id.optional() }).superRefine((query, ctx) => {
  if (Boolean(query.port) === Boolean(query.arrangement))
    ctx.addIssue({ code: 'custom', path: ['port'], ...issue(validationMessages.oneOfPortOrArrangement) });
});
export type ScheduleQuery = z.infer<typeof scheduleQuery>;

// ---- check and movements ------------------------------------------------------------------

export const MAX_PERSONS = 500;

export const checkBody = z.object({
  portId: id,
  at: isoInstant,
  persons: z.array(person).min(1).max(MAX_PERSONS),
  consularNoticeAt: isoInstant.optional(),
  /** When re-checking a saved movement (reschedule): it is not counted against itself. */
  movementId: uuidId().optional(),
  /**
   * Issue 18, exercise mode: a drill is checked against drills only, a real movement against
   * real ones only (see `sameKind` in the engine). Absent: a real movement.
   */
  exercise: z.boolean().optional(),
});
export type CheckBody = z.infer<typeof checkBody>;

export const movementBody = checkBody
  .omit({ movementId: true })
  .extend({ fromFacility: safeText().trim().min(1).max(200), exercise: z.boolean().default(false) });
export type MovementBody = z.infer<typeof movementBody>;
/** What a client sends (`exercise` may be left out). */
export type MovementBodyInput = z.input<typeof movementBody>;

const text = z.object({ en: z.string(), es: z.string() });

export const violation = z.object({
  code: violationCode,
  /** 0-based indexes into `persons`, where the rule concerns particular persons. */
  personIndexes: z.array(z.number().int().min(0)).optional(),
  message: text,
});
export type Violation = z.infer<typeof violation>;

/** A time in which the whole group would be allowed (for vulnerable persons, the daylight part of a window). */
export const slot = z.object({ portId: z.string(), start: z.string(), end: z.string() });
export type Slot = z.infer<typeof slot>;

export const checkResult = z.object({
  allowed: z.boolean(),
  violations: z.array(violation),
  /** The window `at` falls in, at the requested port. */
  window: repatriationWindow.optional(),
  nextWindows: z.array(slot),
});
export type CheckResult = z.infer<typeof checkResult>;

// ---- movements ----------------------------------------------------------------------------

const version = z.number().int().min(1);

/** A planned repatriation as the API answers it; `version` guards reschedules against a stale copy. */
export const movement = z.object({
  id: z.string(),
  portId: z.string(),
  /** The arrangement it was checked against; null once that arrangement is deleted. */
  arrangementId: z.string().nullable(),
  /** The liaison mechanism responsible for the port: both its sides hear about the movement. */
  mechanismId: z.string().nullable(),
  fromFacility: z.string(),
  at: z.string(),
  persons: z.array(person),
  status: movementStatus,
  /** Planned in an exercise (drill, issue 18): marked EXERCISE / SIMULACRO everywhere, left out of statistics. */
  exercise: z.boolean(),
  /** When the Mexican consulate must have been notified (2003 report: consular notification). */
  noticeDueAt: z.string().nullable(),
  consularNotice: z.object({ at: z.string(), by: z.string() }).nullable(),
  /** The Mexican side received the persons (1999 report: "in the presence of Mexican immigration authorities"). */
  reception: z.object({ at: z.string(), by: z.string(), received: z.number().int() }).nullable(),
  cancellation: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
  plannedBy: z.object({ id: z.string().nullable(), name: z.string() }),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Movement = z.infer<typeof movement>;

export const movementTimelineKinds = [
  'planned',
  'notice',
  'rescheduled',
  'confirmed',
  'cancelled',
  'notice_overdue',
] as const;
export type MovementTimelineKind = (typeof movementTimelineKinds)[number];

/** One line of a movement's append-only timeline. */
export const movementTimelineEntry = z.object({
  id: z.string(),
  kind: z.enum(movementTimelineKinds),
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  by: z.string(),
  at: z.string(),
});
export type MovementTimelineEntry = z.infer<typeof movementTimelineEntry>;

export const movementDetail = movement.extend({ timeline: z.array(movementTimelineEntry) });
export type MovementDetail = z.infer<typeof movementDetail>;

/** `GET /api/repatriation/movements?port=&from=&to=`; the route fills a missing range with the coming week. */
export const movementsQuery = z
  .object({ port: id.optional(), from: isoInstant.optional(), to: isoInstant.optional() })
  .superRefine(instantRange);
export type MovementsQuery = z.infer<typeof movementsQuery>;

/** `/api/repatriation/movements/:id…`. */
export const movementIdParams = z.object({ id: uuidId() });

/** `POST …/movements/:id/notice`: the consulate was notified at `at` (default: now). */
export const noticeBody = z.object({ at: isoInstant.optional(), version: version.optional() });
export type NoticeBody = z.infer<typeof noticeBody>;

/** `POST …/movements/:id/confirm-reception`: how many of the movement's persons the Mexican side received. */
export const confirmReceptionBody = z.object({
  received: z.number().int().min(0).max(MAX_PERSONS),
  version: version.optional(),
});
export type ConfirmReceptionBody = z.infer<typeof confirmReceptionBody>;

/**
 * `POST …/movements/:id/reschedule`: a new time, and optionally another port (a suggested slot
 * may be at another port of the arrangement). The engine decides, with the notice on record.
 */
export const rescheduleBody = z.object({ at: isoInstant, version, portId: id.optional() });
export type RescheduleBody = z.infer<typeof rescheduleBody>;

export const cancelBody = z.object({ reason: safeText().trim().min(1).max(500), version: version.optional() });
export type CancelBody = z.infer<typeof cancelBody>;

/** 422 from planning or rescheduling: the engine's verdict, with the same violations `/check` reports. */
export const notAllowedBody = z.object({
  statusCode: z.literal(422),
  code: z.literal('not_allowed'),
  message: z.string(),
  messageEs: z.string(),
  violations: z.array(violation),
  nextWindows: z.array(slot),
});

/**
 * 409 from saving an arrangement: `version_conflict` carries the arrangement as it stands
 * (`current`), to show beside the user's edit; `port_in_other_arrangement` names the ports in `fields`.
 */
export const arrangementConflictRefusal = errorBody.extend({ current: arrangement.optional() });

/** 409 from deleting an arrangement while movements are still planned under it: how many. */
export const arrangementInUseRefusal = errorBody.extend({
  code: z.literal('arrangement_has_movements'),
  plannedMovements: z.number().int(),
});

/** 409 from a movement's step: its state no longer allows it, or `version` is stale; `current` is the movement as it stands. */
export const movementConflictRefusal = errorBody.extend({ current: movement });
