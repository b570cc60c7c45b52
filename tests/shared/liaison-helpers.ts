import { Temporal } from 'temporal-polyfill';
import type { Country } from '@shared/auth.js';
import type { IntendedGap, Override, Shift } from '@shared/liaison/contract.js';
import type { Roster, RosterMember } from '@shared/liaison/rotation.js';

/** Factories for liaison tests: each test builds the roster it reads. */

export const everyDay = [1, 2, 3, 4, 5, 6, 7];

export function member(
  id: string,
  country: Country,
  phone = country === 'US' ? '+16195550100' : '+526640000100',
): RosterMember {
  return {
    id,
    name: `Officer ${id}`,
    role: 'border_patrol',
    agency: country === 'US' ? 'U.S. Border Patrol' : 'Grupo Beta',
    country,
    contacts: [
      { id: `${id}-p`, kind: 'phone', label: 'desk', value: phone, working: true },
      { id: `${id}-e`, kind: 'email', label: '', value: `${id}@example.org`, working: true },
    ],
  };
}

let sequence = 0;
export function shift(fields: Partial<Shift> & Pick<Shift, 'start' | 'end' | 'memberId'>): Shift {
  return { id: `s${++sequence}`, side: 'US', escalation: 1, days: everyDay, ...fields };
}

export function override(fields: Partial<Override> & Pick<Override, 'start' | 'end' | 'memberId'>): Override {
  return { id: `o${++sequence}`, side: 'US', escalation: 1, reason: '', ...fields };
}

export function intended(fields: Partial<IntendedGap> & Pick<IntendedGap, 'start' | 'end'>): IntendedGap {
  return { id: `g${++sequence}`, side: 'US', reason: '', ...fields };
}

export function roster<M extends RosterMember>(fields: Partial<Roster<M>> & Pick<Roster<M>, 'timeZone'>): Roster<M> {
  return { mechanismId: 'test-mechanism', members: [], shifts: [], overrides: [], intendedGaps: [], ...fields };
}

/** The instant of a wall-clock time in a zone, as an ISO string with offset (`later` picks the second of a repeated hour). */
export function local(
  timeZone: string,
  wall: string,
  disambiguation: 'earlier' | 'later' | 'compatible' = 'compatible',
): string {
  return Temporal.PlainDateTime.from(wall)
    .toZonedDateTime(timeZone, { disambiguation })
    .toString({ timeZoneName: 'never' });
}

export function plus(iso: string, duration: Temporal.DurationLike): string {
  return Temporal.Instant.from(iso).add(duration).toString();
}

export function hoursBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 3_600_000;
}

/** A zone's clock changes in a year, computed (not hard-coded): [spring-forward, fall-back] where it has them. */
export function transitions(timeZone: string, year: number): Temporal.ZonedDateTime[] {
  const found: Temporal.ZonedDateTime[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ timeZone, year, month: 1, day: 1 });
  while ((cursor = cursor.getTimeZoneTransition('next')) && cursor.year === year) found.push(cursor);
  return found;
}
