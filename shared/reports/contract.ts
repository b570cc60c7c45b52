import { z } from 'zod';
import { bilingual } from '@shared/i18n/index.js';
import { languages } from '@shared/i18n/define.js';
import { customIssue } from '@shared/i18n/validation.js';
import { textId } from '@shared/ids.js';
import { incidentType, investigationStatus, severity } from '@shared/incidents/contract.js';
import { hazard } from '@shared/advisories/contract.js';
import { portStatus, portStatusReason } from '@shared/reference/contract.js';
import { personCategory, violationCode } from '@shared/repatriation/contract.js';
import { calendarDate } from '@shared/time-bounds.js';

/*
 * Bilateral review reports (issue 25; Plan of Action: "review regularly the results and the
 * progress of local coordination efforts on border safety"). A period is two calendar dates,
 * `from` inclusive and `to` exclusive, read on the border zone of the scope (the mechanism's,
 * the port's, the area's mechanism's) or UTC for the whole border. Exercise (drill) records
 * are left out of every figure.
 */

/** The longest period a report covers: five years (a review compares years, not decades). */
export const MAX_PERIOD_YEARS = 5;

/** A "YYYY-MM-DD" that names a day of the calendar (not 2025-13-01 or 2025-02-30). */
const isDay = (date: string) => {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === date;
};

/** `to` lies past the latest day a period starting on `from` may end on. */
function tooLong(from: string, to: string): boolean {
  const [year, rest] = [Number(from.slice(0, 4)), from.slice(4)];
  const latest = `${String(year + MAX_PERIOD_YEARS).padStart(4, '0')}${rest}`;
  // 29 February plus five years is 1 March: compared as text, "YYYY-02-29" still sorts right.
  return to > latest;
}

export const reportScopeQuery = z.object({
  mechanism: textId().optional(),
  area: textId().optional(),
  port: textId().optional(),
});

/** The period and the scope: every report endpoint takes them. */
export const reportQuery = reportScopeQuery
  .extend({ from: calendarDate(), to: calendarDate() })
  .superRefine((query, ctx) => {
    // A date already refused says so alone.
    if (!isDay(query.from) || !isDay(query.to)) return;
    if (query.to <= query.from)
      ctx.addIssue({ code: 'custom', path: ['to'], input: query.to, ...customIssue(bilingual('reportError.order')) });
    else if (tooLong(query.from, query.to))
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        input: query.to,
        ...customIssue(bilingual('reportError.tooLong', { years: MAX_PERIOD_YEARS })),
      });
  });
export type ReportQuery = z.infer<typeof reportQuery>;

export const reportLanguage = z.enum(languages);
export const reportCsvQuery = reportQuery.safeExtend({ lang: reportLanguage.default('en') });
export type ReportCsvQuery = z.infer<typeof reportCsvQuery>;

/** The tables a report exports as CSV, one row per record behind the figures. */
export const reportTables = ['incidents', 'response', 'investigations', 'repatriations', 'ports'] as const;
export const reportTable = z.enum(reportTables);
export type ReportTable = z.infer<typeof reportTable>;
export const reportTableParams = z.object({ table: reportTable });

// ---- the summary ------------------------------------------------------------------------------

const count = z.number().int().min(0);
const counts = z.record(z.string(), count);
/** A share between 0 and 1 (0 when there is nothing to share out). */
const share = z.number().min(0).max(1);

export const reportPeriod = z.object({
  /** "YYYY-MM-DD", inclusive. */
  from: z.string(),
  /** "YYYY-MM-DD", exclusive. */
  to: z.string(),
});

const governmentResponse = z.object({
  /** Acknowledgements in answer to an alert (the reporting government's, made with the report, are counted apart). */
  acknowledged: count,
  /** Seconds from the alert to the acknowledgement; null when none. Percentiles interpolate between ranks (R-7, as PostgreSQL `percentile_cont`), rounded to the second. */
  medianSeconds: z.number().int().nullable(),
  p90Seconds: z.number().int().nullable(),
  /** Acknowledged at or before the alert's deadline. */
  byDeadline: count,
});
export type GovernmentResponse = z.infer<typeof governmentResponse>;

export const openInvestigation = z.object({
  incidentId: z.string(),
  /** When the investigation was first recorded. */
  openedAt: z.string(),
  /** Whole days it has been open by the period's end (or now, when that is earlier). */
  days: count,
});

export const portClosure = z.object({
  portId: z.string(),
  status: portStatus.exclude(['open']),
  /** When the port was restricted or closed (an instant). */
  from: z.string(),
  /** When its status next changed; null while it still holds. */
  to: z.string().nullable(),
  reason: portStatusReason.nullable(),
});
export type PortClosure = z.infer<typeof portClosure>;

export const rosterAge = z.object({
  mechanismId: z.string(),
  members: count,
  /** The oldest verification of a member of its roster; null for an empty roster. */
  oldestVerifiedAt: z.string().nullable(),
  /** Whole days from that verification to now: a roster is checked as it stands, whatever the period. */
  oldestVerificationDays: count.nullable(),
});

export const reportSummary = z.object({
  period: reportPeriod.extend({
    /** The zone the dates are read in: the scope's border zone, or "UTC" for the whole border. */
    timeZone: z.string(),
  }),
  /** The period of the same length just before, for the change. */
  previous: reportPeriod,
  /** What the report was narrowed to (a user of one mechanism is always narrowed to it). */
  scope: z.object({ mechanism: z.string().nullable(), area: z.string().nullable(), port: z.string().nullable() }),
  generatedAt: z.string(),
  /** Fictional demo incidents counted in the figures, so the page can mark them. */
  demo: z.object({ incidents: count }),
  incidents: z.object({
    total: count,
    previousTotal: count,
    byType: z.partialRecord(incidentType, count),
    bySeverity: z.partialRecord(severity, count),
    /** Mechanism id → incidents; incidents outside every mechanism's area under "none". */
    byMechanism: counts,
    /** High-risk area id → incidents (an incident may lie in several). */
    byArea: counts,
    /** Every month the period touches, in order. */
    byMonth: z.array(z.object({ month: z.string(), count, deceased: count })),
    /** Area id → deaths (Oaxaca report: "track border-related deaths"). */
    deceasedByArea: counts,
    people: z.object({ rescued: count, injured: count, deceased: count }),
  }),
  response: z.object({
    /** Early alerts to both governments raised in the period. */
    alerts: count,
    US: governmentResponse,
    MX: governmentResponse,
    /** The reporting government's acknowledgements, made with the report. */
    acknowledgedWithReport: z.object({ US: count, MX: count }),
    /** Alerts escalated to the central desks (Washington – Mexico City). */
    escalations: count,
    escalationShare: share,
  }),
  investigations: z.object({
    opened: count,
    /** Investigations updated in the period (once each, however often). */
    updated: count,
    closed: count,
    /** Not closed and not updated for 30 days at the period's end. */
    stale: count,
    /** Lead agency → investigations open at some time in the period. */
    byLeadAgency: counts,
    byStatus: z.partialRecord(investigationStatus, count),
    /** Open at the period's end, longest first. */
    open: z.array(openInvestigation),
  }),
  repatriations: z.object({
    /** Movements planned for the period and not cancelled. */
    movements: count,
    persons: count,
    /** Port id → persons. */
    byPort: counts,
    /** Persons by hour of day on the port's own clock, 0–23. */
    byHour: z.array(count).length(24),
    byCategory: z.partialRecord(personCategory, count),
    /** ISO 3166-1 alpha-2 → persons. */
    byNationality: counts,
    /** Unaccompanied minors, pregnant women and ill persons. */
    vulnerable: count,
    /** Of them, those whose movement fell in their arrangement's daylight window. */
    vulnerableInDaylight: count,
    /** Rule → how often it stopped a movement from being planned or rescheduled in the period. */
    refusedChecksByRule: z.partialRecord(violationCode, count),
    notices: z.object({ onTime: count, late: count }),
    receptionsConfirmed: count,
  }),
  ports: z.object({ closures: z.array(portClosure) }),
  advisories: z.object({ published: count, byHazard: z.partialRecord(hazard, count) }),
  mechanisms: z.object({
    /** Meetings that started in the period. */
    meetings: count,
    /** Made in the period; of them done; due in the period and past due, not done. */
    commitments: z.object({ made: count, done: count, overdue: count }),
    rosters: z.array(rosterAge),
  }),
});
export type ReportSummary = z.infer<typeof reportSummary>;
