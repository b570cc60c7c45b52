import ical, { ICalEventTransparency } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Language } from '@shared/i18n/index.js';
import { liaisonText, roleLabel } from '@shared/liaison/text.js';
import { formatPhone } from '@shared/liaison/phone.js';
import { coverageGaps, dutyIntervals, type Roster } from '@shared/liaison/rotation.js';

export interface OnDutyCalendarInput {
  roster: Roster;
  /** The mechanism as its readers name it: "San Diego – Tijuana". */
  mechanismName: string;
  from: string;
  to: string;
  /** DTSTAMP: when the feed was written (the server's clock). */
  stamp: string;
  language: Language;
}

/**
 * A time in the mechanism's zone, for ical-generator: a Temporal zoned date-time, written
 * with TZID and the zone's VTIMEZONE. A local time that happens twice (clocks fall back)
 * is written in UTC instead: RFC 5545 says a reader takes the first occurrence, ical.js
 * takes the second, and a shift may start at one and end at the other (rotation.ts).
 */
function icalTime(iso: string, timeZone: string): Temporal.ZonedDateTime | Temporal.Instant {
  const zoned = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  const wall = zoned.toPlainDateTime();
  const ambiguous = !wall
    .toZonedDateTime(timeZone, { disambiguation: 'earlier' })
    .equals(wall.toZonedDateTime(timeZone, { disambiguation: 'later' }));
  return ambiguous ? zoned.toInstant() : zoned;
}

function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

/**
 * GET /api/mechanisms/:id/on-duty.ics: one VEVENT per stretch of duty meeting [from, to)
 * (overrides applied, each shown whole), and one per coverage gap so a gap is never
 * silently missing from the calendar. TRANSP:TRANSPARENT: duty does not make anyone busy.
 * UIDs are stable across refreshes: source (shift or override), its id and its start.
 */
export function onDutyCalendar({ roster, mechanismName, from, to, stamp, language }: OnDutyCalendarInput): string {
  const calendar = ical({
    name: liaisonText('liaison.calendar.name', { mechanism: mechanismName })[language],
    prodId: { company: 'Border Operations Console', product: 'liaison', language: language.toUpperCase() },
    // No calendar-wide zone: ical-generator would write DTSTAMP as floating local time.
    timezone: { name: null, generator: vtimezone },
  });
  const side = (country: 'US' | 'MX') => liaisonText(`liaison.side.${country}`)[language];
  const uidHost = `${roster.mechanismId}.liaison.boc`;
  const add = (uid: string, start: string, end: string, summary: string, description?: string) => {
    const [s, e] = [icalTime(start, roster.timeZone), icalTime(end, roster.timeZone)];
    // ical-generator writes one TZID (or none) per event: UTC for both ends if either must be.
    const zoned = s instanceof Temporal.ZonedDateTime && e instanceof Temporal.ZonedDateTime;
    calendar.createEvent({
      id: uid,
      start: zoned ? s : Temporal.Instant.from(start),
      end: zoned ? e : Temporal.Instant.from(end),
      timezone: zoned ? roster.timeZone : null,
      stamp: Temporal.Instant.from(stamp),
      summary,
      description,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  };

  for (const interval of dutyIntervals(roster, from, to)) {
    const uid = `${interval.source.kind}-${interval.source.id}-${Temporal.Instant.from(interval.start).epochMilliseconds / 1000}@${uidHost}`;
    const member = roster.members.find((m) => m.id === interval.memberId);
    if (!member) continue; // an empty stretch is reported below as a gap
    const phone = member.contacts.find((c) => c.kind === 'phone' && c.working)?.value;
    const email = member.contacts.find((c) => c.kind === 'email' && c.working)?.value;
    const summary = liaisonText('liaison.calendar.onDuty', {
      side: side(interval.side),
      position: interval.escalation,
      name: member.name,
    })[language];
    const description = [`${roleLabel(member.role)[language]} — ${member.agency}`, phone && formatPhone(phone), email]
      .filter(Boolean)
      .join('\n');
    add(uid, interval.start, interval.end, summary, description);
  }
  for (const gap of coverageGaps(roster, from, to)) {
    const uid = `gap-${gap.side}-${gap.escalation ?? 'all'}-${Temporal.Instant.from(gap.start).epochMilliseconds / 1000}@${uidHost}`;
    const summary =
      gap.kind === 'uncovered'
        ? liaisonText('liaison.calendar.gap', { side: side(gap.side) })[language]
        : liaisonText('liaison.calendar.emptyShift', { side: side(gap.side), position: gap.escalation ?? '' })[
            language
          ];
    add(uid, gap.start, gap.end, summary);
  }
  return calendar.toString();
}
