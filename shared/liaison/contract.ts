import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { safeText } from '@shared/text.js';
import { country, type Country } from '@shared/auth.js';
import type { FieldError } from '@shared/errors.js';
import { bilingualRef, languages } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';
import { textId } from '@shared/ids.js';
import { MAX_POLYGON_POSITIONS, polygonProblem } from '@shared/polygon.js';
import { mechanism, polygonGeometry } from '@shared/reference/contract.js';
import {
  calendarDate as boundedCalendarDate,
  instant as boundedInstant,
  localDateTime as boundedLocalDateTime,
} from '@shared/time-bounds.js';
import type { LiaisonMessageKey } from './messages.js';
import { liaisonText, type LiaisonMessageParams } from './text.js';
import { checkPhone, formatPhone } from './phone.js';
import { findShiftOverlaps, type WeeklyShift } from './week.js';

/*
 * The liaison contract (issue 15): Border Liaison Mechanisms and Interior Consultation
 * Mechanisms (Plan of Action VIII), their members and contacts, weekly duty rotations,
 * overrides, gaps marked as intended, meetings and commitments.
 *
 * Field messages: refinements carry their bilingual text with `customIssue`, so the one
 * error handler passes it through instead of a generic "is invalid".
 */

/** Members whose details nobody confirmed for this long are flagged. */
export const verificationMaxAgeDays = 90;
/** A mechanism with an unintended coverage gap this far ahead is flagged on the list. */
export const coverageWarningDays = 7;
/** Overrides and intended-gap marks are one-off: longer spans belong in the rotation. */
export const maxOneOffDays = 31;
export const maxEscalation = 9;

/** Role keys for the officials the reference names (border-reference.json → roles); translated in messages.ts. */
export const memberRoles = [
  'consul',
  'port_director',
  'border_patrol',
  'inm_delegate',
  'grupo_beta',
  'prosecutor',
  'police',
  'local_official',
  'immigration_officer',
  'consular_protection',
] as const;
export type MemberRole = (typeof memberRoles)[number];

export const contactKinds = ['phone', 'radio', 'email'] as const;
export const contactKind = z.enum(contactKinds);
export type ContactKind = z.infer<typeof contactKind>;

/**
 * Puts a liaison message on a zod issue; `extra` rides along for forms (the fixed phone number to offer).
 */
function issue(key: LiaisonMessageKey, params?: LiaisonMessageParams, extra?: Record<string, string>) {
  return customIssue(liaisonText(key, params), extra);
}

function fieldError(path: Array<string | number>, key: LiaisonMessageKey, params?: LiaisonMessageParams): FieldError {
  return { path: path.join('.'), message: liaisonText(key, params) };
}

// ——— time values ———

/** An instant: ISO 8601 with an explicit offset, so it never depends on a server's zone; in 1970–2199. */
export const instant = boundedInstant();

/** "HH:MM" on a 24-hour wall clock; "24:00" is written "00:00". */
export const timeOfDay = z
  .string()
  .max(20, { abort: true })
  .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), issue('liaison.validation.time'));

export const isoWeekday = z
  .number()
  .int()
  .refine((d) => d >= 1 && d <= 7, issue('liaison.validation.day'));

export const ianaTimeZone = z
  .string()
  .max(100, { abort: true })
  .refine((zone) => {
    try {
      Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
      return true;
    } catch {
      return false;
    }
  }, issue('liaison.validation.timeZone'));

/** A wall-clock date and time without offset ("2026-07-09T10:00"), read in a named zone; in 1970–2199. */
export const localDateTime = boundedLocalDateTime();

/** "2026-07-09": a date that exists, in 1970–2199. */
export const calendarDate = boundedCalendarDate();

// ——— paths and queries ———

/** Mechanisms and their records are keyed by text: seeded slugs ("san-diego-tijuana.bp-day-1") or UUIDs. */
export const mechanismParams = z.object({ id: textId() });
export const memberParams = mechanismParams.extend({ memberId: textId() });
export const contactParams = memberParams.extend({ contactId: textId() });
export const overrideParams = mechanismParams.extend({ overrideId: textId() });
export const gapParams = mechanismParams.extend({ gapId: textId() });
export const meetingParams = mechanismParams.extend({ meetingId: textId() });
export const commitmentParams = mechanismParams.extend({ commitmentId: textId() });
/** Language of the titles and summaries in an export; English unless asked. */
export const exportQuery = z.object({ lang: z.enum(languages).default('en') });
/** The calendar export's window. */
export const calendarQuery = exportQuery.extend({ from: instant.optional(), to: instant.optional() });

// ——— contacts ———

export const contactBody = z.object({
  kind: contactKind,
  /** Free text the coordinator chooses: "desk", "24 h line", "Canal 7". */
  label: safeText().trim().max(60).default(''),
  /** Phones are stored as E.164 after validation; radio is a channel or call sign. */
  value: safeText().trim().min(1).max(200),
  /** Set to false when a call or message through it failed; flagged until fixed. */
  working: z.boolean().default(true),
});
export type ContactBody = z.infer<typeof contactBody>;

export const contact = contactBody.extend({ id: z.string() });
export type Contact = z.infer<typeof contact>;

type ContactCheck =
  | { value: string }
  /** `suggestion`: the E.164 number a form may offer instead ("use +52 664 …"). */
  | { message: { key: LiaisonMessageKey; params?: LiaisonMessageParams }; suggestion?: string };

/** Validates one contact's value; a phone is read in the member's country when it has no "+". */
export function checkContactValue(kind: ContactKind, value: string, memberCountry: Country): ContactCheck {
  if (kind === 'email')
    return z.email().safeParse(value).success ? { value } : { message: { key: 'liaison.validation.email' } };
  if (kind === 'radio') return { value };
  const phone = checkPhone(value, memberCountry);
  if (phone.ok) return { value: phone.e164 };
  if (phone.reason === 'old_mexican_mobile') {
    return {
      message: { key: 'liaison.validation.oldMexicanMobile', params: { suggestion: formatPhone(phone.suggestion) } },
      suggestion: phone.suggestion,
    };
  }
  return { message: { key: 'liaison.validation.phone' } };
}

function refineContacts(
  contacts: readonly ContactBody[] | undefined,
  memberCountry: Country,
  ctx: z.RefinementCtx,
  path: Array<string | number>,
) {
  contacts?.forEach((c, index) => {
    const checked = checkContactValue(c.kind, c.value, memberCountry);
    if ('value' in checked) return;
    const extra = checked.suggestion ? { suggestion: checked.suggestion } : undefined;
    ctx.addIssue({
      code: 'custom',
      path: [...path, index, 'value'],
      input: c.value,
      ...issue(checked.message.key, checked.message.params, extra),
    });
  });
}

function normaliseContacts<T extends ContactBody>(contacts: readonly T[], memberCountry: Country): T[] {
  return contacts.map((c) => {
    const checked = checkContactValue(c.kind, c.value, memberCountry);
    return 'value' in checked ? { ...c, value: checked.value } : c;
  });
}

/** Body of POST/PUT …/members/:memberId/contacts: the member's country is the default region. */
export function contactBodyFor(memberCountry: Country) {
  return contactBody
    .superRefine((c, ctx) => refineContacts([c], memberCountry, ctx, []))
    .transform((c) => normaliseContacts([c], memberCountry)[0]!);
}

// ——— members ———

const memberFields = z.object({
  name: safeText().trim().min(1).max(120),
  /** Family name(s) as written ("Ruiz Ortega"); vCard N needs it and it cannot be guessed. */
  familyName: safeText().trim().min(1).max(80).optional(),
  /** A role key of `memberRoles` (shown translated) or the official's own title as free text. */
  role: safeText().trim().min(1).max(120),
  agency: safeText().trim().min(1).max(160),
  country,
  contacts: z.array(contactBody).max(20).default([]),
  /** When the member last confirmed these details; the server stamps "now" when omitted. */
  verifiedAt: instant.optional(),
});

/** POST /api/mechanisms/:id/members. Phones come out normalised to E.164. */
export const memberBody = memberFields
  .superRefine((m, ctx) => refineContacts(m.contacts, m.country, ctx, ['contacts']))
  .transform((m) => ({ ...m, contacts: normaliseContacts(m.contacts, m.country) }));
export type MemberBody = z.infer<typeof memberBody>;

/** PUT /api/mechanisms/:id/members/:memberId replaces the member; contacts left out stay as they are. */
export const memberUpdateBody = memberFields
  .extend({ contacts: z.array(contactBody).max(20).optional() })
  .superRefine((m, ctx) => refineContacts(m.contacts, m.country, ctx, ['contacts']))
  .transform((m) => (m.contacts ? { ...m, contacts: normaliseContacts(m.contacts, m.country) } : m));
export type MemberUpdateBody = z.infer<typeof memberUpdateBody>;

export const member = z.object({
  id: z.string(),
  name: z.string(),
  familyName: z.string().nullable(),
  role: z.string(),
  agency: z.string(),
  country,
  contacts: z.array(contact),
  verifiedAt: z.string(),
});
export type Member = z.infer<typeof member>;

// ——— rotations ———

/**
 * One weekly shift of a mechanism's rotation, in the mechanism's time zone. `memberId`
 * null is an explicitly empty shift: shown as a gap, never skipped. `escalation` 1 is
 * called first.
 */
export const shiftBody = z.object({
  side: country,
  escalation: z.number().int().min(1).max(maxEscalation).default(1),
  days: z
    .array(isoWeekday)
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, issue('liaison.validation.dayTwice')),
  start: timeOfDay,
  end: timeOfDay,
  memberId: textId().nullable(),
});
export type ShiftBody = z.infer<typeof shiftBody>;

export const shift = shiftBody.extend({ id: z.string(), memberId: z.string().nullable() });
export type Shift = z.infer<typeof shift>;

/**
 * Field errors for a set of shifts: two shifts of one side at the same call order that
 * meet on the wall clock, one person on two shifts at once, an assignee who is not a
 * member or sits on the other country's side. `members` may be omitted when the caller
 * has not loaded them (the body schema). Paths are `{prefix}.{index}.{field}`.
 */
export function rotationFieldErrors(
  shifts: readonly WeeklyShift[],
  members?: ReadonlyArray<Pick<Member, 'id' | 'country'>>,
  prefix = 'shifts',
): FieldError[] {
  const errors = findShiftOverlaps(shifts).map((o) =>
    fieldError(
      [prefix, o.index, 'start'],
      o.reason === 'position' ? 'liaison.validation.shiftOverlap' : 'liaison.validation.memberOverlap',
      { other: o.other + 1 },
    ),
  );
  if (members) {
    shifts.forEach((s, index) => {
      if (s.memberId === null) return;
      const assignee = members.find((m) => m.id === s.memberId);
      if (!assignee) errors.push(fieldError([prefix, index, 'memberId'], 'liaison.validation.unknownMember'));
      else if (assignee.country !== s.side)
        errors.push(fieldError([prefix, index, 'memberId'], 'liaison.validation.otherSide'));
    });
  }
  return errors;
}

/** PUT /api/mechanisms/:id/rotations: the whole weekly rotation of the mechanism at once. */
export const rotationBody = z.object({ shifts: z.array(shiftBody).max(200) }).superRefine((body, ctx) => {
  for (const error of rotationFieldErrors(body.shifts)) {
    ctx.addIssue({
      code: 'custom',
      path: error.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      ...customIssue(error.message),
    });
  }
});
export type RotationBody = z.infer<typeof rotationBody>;

/** The answer to PUT /api/mechanisms/:id/rotations: the rotation as stored. */
export const rotation = z.object({ shifts: z.array(shift) });
export type Rotation = z.infer<typeof rotation>;

// ——— one-off intervals: overrides and intended gaps ———

/**
 * Overrides and intended-gap marks are instants with an offset, not local date-times: the
 * form picks the wall-clock time in the mechanism's zone and converts it (rotation.ts
 * `wallClockInstant`, the same ambiguous-hour rules as shifts), so the stored value means
 * one moment whatever the reader's zone and needs no repeated-hour rule when read back.
 */
function refineInterval(v: { start: string; end: string }, ctx: z.RefinementCtx) {
  const start = Date.parse(v.start);
  const end = Date.parse(v.end);
  if (end <= start)
    ctx.addIssue({ code: 'custom', path: ['end'], input: v.end, ...issue('liaison.validation.endAfterStart') });
  else if (end - start > maxOneOffDays * 86_400_000)
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      input: v.end,
      ...issue('liaison.validation.tooLong', { days: maxOneOffDays }),
    });
}

const overrideFields = z.object({
  side: country,
  escalation: z.number().int().min(1).max(maxEscalation).default(1),
  start: instant,
  end: instant,
  /** Who covers instead of the rotation; null leaves the position explicitly empty. */
  memberId: textId().nullable(),
  reason: safeText().trim().max(500).default(''),
});
/** "Tuesday night covered by …": wins over the rotation at its side and call order for [start, end). */
export const overrideBody = overrideFields.superRefine(refineInterval);
export type OverrideBody = z.infer<typeof overrideBody>;
/** As stored: the request's bounds and id spellings are for what comes in. */
export const override = overrideFields.extend({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  memberId: z.string().nullable(),
});
export type Override = z.infer<typeof override>;

const intendedGapFields = z.object({
  side: country,
  start: instant,
  end: instant,
  reason: safeText().trim().max(500).default(''),
});
/** A coverage gap someone decided to leave (an office closed on a holiday): no longer warned. */
export const intendedGapBody = intendedGapFields.superRefine(refineInterval);
export type IntendedGapBody = z.infer<typeof intendedGapBody>;
export const intendedGap = intendedGapFields.extend({ id: z.string(), start: z.string(), end: z.string() });
export type IntendedGap = z.infer<typeof intendedGap>;

/** Overrides of one side and call order may not overlap: each such pair is reported on the later one. */
export function overrideFieldErrors(
  overrides: ReadonlyArray<Pick<Override, 'side' | 'escalation' | 'start' | 'end'>>,
  prefix = 'overrides',
): FieldError[] {
  return overrides.flatMap((o, index) =>
    overrides
      .slice(0, index)
      .some(
        (p) =>
          p.side === o.side &&
          p.escalation === o.escalation &&
          Date.parse(p.start) < Date.parse(o.end) &&
          Date.parse(o.start) < Date.parse(p.end),
      )
      ? [fieldError([prefix, index, 'start'], 'liaison.validation.overrideOverlap')]
      : [],
  );
}

// ——— meetings and commitments (Plan of Action I–II: periodic meetings to review results) ———

export const meetingBody = z.object({
  /** Wall-clock start where the meeting happens; read with `timeZone`. */
  startsAt: localDateTime,
  timeZone: ianaTimeZone,
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(120),
  place: safeText().trim().min(1).max(200),
  agenda: safeText().trim().max(5000).default(''),
  minutes: safeText().trim().max(20_000).nullable().default(null),
});
export type MeetingBody = z.infer<typeof meetingBody>;
/** As stored (a meeting recorded before the 1970–2199 bound still reads). */
export const meeting = meetingBody.extend({ id: z.string(), mechanismId: z.string(), startsAt: z.string() });
export type Meeting = z.infer<typeof meeting>;

export const commitmentBody = z.object({
  meetingId: textId().nullable().default(null),
  text: safeText().trim().min(1).max(1000),
  /** A person or an agency, as agreed at the meeting. */
  owner: safeText().trim().min(1).max(160),
  dueDate: calendarDate,
  done: z.boolean().default(false),
});
export type CommitmentBody = z.infer<typeof commitmentBody>;
/** As stored (a due date recorded before the 1970–2199 bound still reads). */
export const commitment = commitmentBody.extend({
  id: z.string(),
  mechanismId: z.string(),
  meetingId: z.string().nullable(),
  dueDate: z.string(),
});
export type Commitment = z.infer<typeof commitment>;

/** A commitment as the API answers it: `overdue` by the mechanism's local date (flags.ts `isOverdue`). */
export const commitmentView = commitment.extend({ overdue: z.boolean() });
export type CommitmentView = z.infer<typeof commitmentView>;

/** GET /api/mechanisms/:id/meetings item: the meeting and the commitments recorded at it. */
export const meetingView = meeting.extend({ commitments: z.array(commitmentView) });
export type MeetingView = z.infer<typeof meetingView>;

// ——— mechanisms ———

/** Why a ring can't bound an area: point-in-polygon needs closed rings of real positions. */
function ringProblem(ring: ReadonlyArray<readonly [number, number]>): LiaisonMessageKey | null {
  if (ring.some(([lon, lat]) => Math.abs(lon) > 180 || Math.abs(lat) > 90)) return 'liaison.validation.position';
  const [first, last] = [ring[0]!, ring.at(-1)!];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'liaison.validation.ringNotClosed';
  if (new Set(ring.map((p) => p.join())).size < 3) return 'liaison.validation.noArea';
  return null;
}

/**
 * PUT /api/mechanisms/:id/area (admins): a simple polygon, [lon, lat]. Incident assignment
 * reads every stored area, so one that could not be tested against would break it.
 */
export const areaBody = z.object({
  area: polygonGeometry.superRefine((g, ctx) => {
    g.coordinates.forEach((ring, index) => {
      const problem = ringProblem(ring);
      if (problem) ctx.addIssue({ code: 'custom', path: ['coordinates', index], input: ring, ...issue(problem) });
    });
    if (!g.coordinates.every((ring) => !ringProblem(ring))) return;
    // The console's one polygon rule for what a ring check can't see: crossings, and size.
    const problem = polygonProblem(g, { maxPositions: MAX_POLYGON_POSITIONS.mechanismArea });
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: problem.path.split('.'),
        input: g,
        ...customIssue(bilingualRef(problem.reason)),
      });
  }),
});

export const mechanismFlags = z.object({
  coverageGap: z.boolean(),
  membersNotVerified: z.number().int(),
  membersWithoutWorkingContact: z.number().int(),
  overdueCommitments: z.number().int(),
});
export type MechanismFlags = z.infer<typeof mechanismFlags>;

/** GET /api/mechanisms item: the mechanism (shared/reference) and what its list flags. */
export const mechanismSummary = mechanism.extend({ flags: mechanismFlags });
export type MechanismSummary = z.infer<typeof mechanismSummary>;

export const mechanismDetail = mechanismSummary.extend({
  members: z.array(member),
  shifts: z.array(shift),
  overrides: z.array(override),
  intendedGaps: z.array(intendedGap),
});
export type MechanismDetail = z.infer<typeof mechanismDetail>;

// ——— on duty ———

export const onDutyContact = z.object({
  memberId: z.string(),
  name: z.string(),
  role: z.string(),
  agency: z.string(),
  country,
  escalation: z.number().int(),
  /** E.164, the first working phone; null when none works. */
  phone: z.string().nullable(),
  telUri: z.string().nullable(),
  email: z.string().nullable(),
  radio: z.string().nullable(),
  /** When this person's continuous duty ends, with the mechanism's offset. */
  until: z.string(),
  byOverride: z.boolean(),
});
export type OnDutyContact = z.infer<typeof onDutyContact>;

export const gapKinds = ['uncovered', 'empty_shift'] as const;
export const coverageGap = z.object({
  side: country,
  /** `uncovered`: nobody on duty on that side; `empty_shift`: one call order left empty while others serve. */
  kind: z.enum(gapKinds),
  escalation: z.number().int().nullable(),
  start: z.string(),
  end: z.string(),
});
export type CoverageGap = z.infer<typeof coverageGap>;

/** GET /api/mechanisms/:id/on-duty?at= */
export const onDuty = z.object({
  mechanismId: z.string(),
  at: z.string(),
  timeZone: z.string(),
  US: z.array(onDutyContact),
  MX: z.array(onDutyContact),
  gaps: z.array(coverageGap),
});
export type OnDuty = z.infer<typeof onDuty>;

/** ?at= of the on-duty routes; the server's clock when left out. */
export const onDutyQuery = z.object({ at: instant.optional() });

/** GET /api/contacts/on-duty?lat=&lon=&at= : a point in WGS84 degrees. */
export const placeQuery = onDutyQuery.extend({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
});

/** GET /api/contacts/on-duty?lat=&lon=&at= */
export const placeOnDuty = onDuty.extend({
  how: z.enum(['contains', 'nearest']),
  distanceKm: z.number().optional(),
});
export type PlaceOnDuty = z.infer<typeof placeOnDuty>;
