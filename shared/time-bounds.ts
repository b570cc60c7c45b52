import { z } from 'zod';
import type { MessageRef } from '@shared/i18n/define.js';
import { bilingual, bilingualRef } from '@shared/i18n/index.js';
import { customIssue } from '@shared/i18n/validation.js';

/*
 * Dates and instants a request gives (bodies, query strings), bounded to what the console can
 * store and mean. Years 1970–2199: earlier ones are slips ("0020", "0099" — which PostgreSQL
 * would store as 1999) and predate the zone data the rotations and windows are read with;
 * later ones are slips too ("9999", "10000") and break `timestamptz` writes, CAP and iCalendar.
 * Every request schema takes its dates and times from here (tests/shared/contract-bounds.test.ts
 * walks the contracts to hold it); responses keep plain strings: the server writes them.
 */

export const EARLIEST_YEAR = 1970;
export const LATEST_YEAR = 2199;
export const EARLIEST_INSTANT = `${EARLIEST_YEAR}-01-01T00:00:00Z`;
export const LATEST_INSTANT = `${LATEST_YEAR}-12-31T23:59:59Z`;
const EARLIEST_MS = Date.UTC(EARLIEST_YEAR, 0, 1);
/** The first millisecond past the range (2200-01-01T00:00:00Z): an instant must come before it. */
const PAST_LATEST_MS = Date.UTC(LATEST_YEAR + 1, 0, 1);

/** The schemas made here, so a test can tell them from a raw `z.iso.datetime()` in a contract. */
const boundedSchemas = new WeakSet<z.ZodType>();
const bounded = <T extends z.ZodType>(schema: T): T => {
  boundedSchemas.add(schema);
  return schema;
};
export const isBoundedTime = (schema: z.ZodType): boolean => boundedSchemas.has(schema);

// Reasons are built when a value is refused, not at import: the catalogue imports the features' messages.
const instantRange = () => bilingual('time.instantRange', { earliest: EARLIEST_INSTANT, latest: LATEST_INSTANT });
const dateRange = () =>
  bilingual('time.dateRange', { earliest: `${EARLIEST_YEAR}-01-01`, latest: `${LATEST_YEAR}-12-31` });

export interface InstantBounds {
  /** A later floor than 1970 for this field (an ISO instant), and the reason to give below it. */
  notBefore?: { at: string; reason: MessageRef };
  /** The reason to give past 2199 where the field has a more telling one (a report "ahead of now"). */
  pastLatest?: MessageRef;
}

/**
 * An instant: ISO 8601 with `Z` or an explicit offset (so it never depends on a server's zone),
 * whose UTC moment — the offset applied — lies in 1970–2199: `2199-12-31T23:59:59-23:59` is
 * refused, being in 2200 in UTC. The value stays the string the client sent.
 */
export function instant(bounds: InstantBounds = {}) {
  const floor = Math.max(EARLIEST_MS, bounds.notBefore ? Date.parse(bounds.notBefore.at) : EARLIEST_MS);
  return bounded(
    z.iso.datetime({ offset: true, abort: true }).superRefine((value, ctx) => {
      const ms = Date.parse(value);
      if (Number.isNaN(ms))
        ctx.addIssue({ code: 'custom', input: value, ...customIssue(bilingual('validation.datetime')) });
      else if (ms < floor)
        ctx.addIssue({
          code: 'custom',
          input: value,
          ...customIssue(bounds.notBefore ? bilingualRef(bounds.notBefore.reason) : instantRange()),
        });
      else if (ms >= PAST_LATEST_MS)
        ctx.addIssue({
          code: 'custom',
          input: value,
          ...customIssue(bounds.pastLatest ? bilingualRef(bounds.pastLatest) : instantRange()),
        });
    }),
  );
}

/** Year, month and day of a date that exists in 1970–2199, or why not. */
function checkDate(year: number, month: number, day: number): 'range' | 'date' | null {
  // Range first: `Date.UTC` reads years 0–99 as 1900–1999, so it can't judge their 29 Februaries.
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return 'range';
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? null : 'date';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Longer than any date or wall-clock time, so a near miss ("2026-07-09T00:00:00Z") hears what is wrong with it. */
const NEAR_MISS_MAX = 32;

/** A calendar date, "YYYY-MM-DD", that exists (no 30 February) and lies in 1970–2199. Stays a string. */
export function calendarDate() {
  return bounded(
    z
      .string()
      .max(NEAR_MISS_MAX, { abort: true })
      .superRefine((value, ctx) => {
        const parts = DATE.exec(value);
        const problem = parts ? checkDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) : 'date';
        if (problem)
          ctx.addIssue({
            code: 'custom',
            input: value,
            ...customIssue(problem === 'range' ? dateRange() : bilingual('time.date')),
          });
      })
      .meta({ format: 'date' }),
  );
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * A wall-clock date and time without offset ("2026-07-09T10:00"), read in a zone the request
 * names beside it; its date exists and lies in 1970–2199. Stays a string.
 */
export function localDateTime() {
  return bounded(
    z
      .string()
      .max(NEAR_MISS_MAX, { abort: true })
      .superRefine((value, ctx) => {
        const parts = LOCAL_DATE_TIME.exec(value);
        const problem = parts ? checkDate(Number(parts[1]), Number(parts[2]), Number(parts[3])) : 'date';
        if (problem)
          ctx.addIssue({
            code: 'custom',
            input: value,
            ...customIssue(problem === 'range' ? dateRange() : bilingual('time.localDateTime')),
          });
      }),
  );
}

/** Whether this runtime's zone data knows `zone` as an IANA time zone. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone a request names ("America/Tijuana"): bounded, and known to the zone data. */
export const timeZoneId = z
  .string()
  .max(100, { abort: true })
  .refine(isTimeZone, customIssue(bilingual('validation.timeZone')));
