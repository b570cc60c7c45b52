import { ICalCalendar, ICalEventTransparency } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block, tzlib_get_timezones } from 'timezones-ical-library';
import type { Port } from '@shared/reference/contract.js';
import type { Arrangement } from '@shared/repatriation/contract.js';
import { portName } from '@shared/repatriation/engine.js';
import { formatWindow, formatClockRange, type Language, type Text } from '@shared/repatriation/messages.js';
import { expandWindowSpans, instantMs, type WindowRules, type WindowSpan } from '@shared/repatriation/windows.js';

/**
 * `GET /api/repatriation/schedule.ics`: a port's or an arrangement's windows as RFC 5545, one
 * VEVENT per window occurrence (no RRULE: a weekly rule at a wall-clock time is exactly what
 * calendar clients get wrong across daylight-saving changes and the time-zone data they carry).
 * Events are TRANSPARENT so subscribers' calendars don't show them as busy; UIDs are stable
 * across regenerations and SEQUENCE follows the arrangement's version, so an edit updates them.
 */

export type CalendarArrangement = WindowRules & Pick<Arrangement, 'name' | 'version' | 'illustrative' | 'updatedAt'>;
export type CalendarPort = Pick<Port, 'id' | 'usName' | 'mxName' | 'mxTimeZone'>;

const knownZones = new Set(tzlib_get_timezones() as string[]);

/** The zone's VTIMEZONE, or null when the library lacks it (its events are then written in UTC). */
function vtimezone(zone: string): string | null {
  if (!knownZones.has(zone)) return null;
  const [block] = tzlib_get_ical_block(zone) as string[];
  return block?.includes(`TZID:${zone}\r\n`) ? block : null;
}

/** Stable for the same arrangement, port and local start, whatever range is asked for. */
function uid(span: WindowSpan): string {
  const localStart = `${span.localDate.replaceAll('-', '')}T${span.localStart.replace(':', '')}`;
  return `repatriation-${span.arrangementId}-${span.portId}-${localStart}@border-operations-console`;
}

const illustrativeNote: Text = {
  en: 'Illustrative hours: official hours per port are not public.',
  es: 'Horario ilustrativo: el horario oficial de cada puerto no es público.',
};

/** `now`: when the feed is written, so a window in another year shows its year. */
function description(span: WindowSpan, port: string, illustrative: boolean, now: number): string {
  const paragraph = (language: Language) => {
    const window = formatWindow(span.start, span.end, span.zone, language, now);
    const daylight =
      span.vulnerableStart === null
        ? null
        : formatClockRange(span.vulnerableStart, span.vulnerableEnd!, span.zone, language);
    const lines =
      language === 'en'
        ? [
            `Repatriation window at ${port}: ${window}.`,
            daylight
              ? `Unaccompanied minors, pregnant women and ill persons: ${daylight} only.`
              : 'Unaccompanied minors, pregnant women and ill persons: not in this window.',
          ]
        : [
            `Ventana de repatriación en ${port}: ${window}.`,
            daylight
              ? `Menores no acompañados, mujeres embarazadas y personas enfermas: solo ${daylight}.`
              : 'Menores no acompañados, mujeres embarazadas y personas enfermas: no en esta ventana.',
          ];
    if (illustrative) lines.push(illustrativeNote[language]);
    return lines.join('\n');
  };
  return `${paragraph('en')}\n\n${paragraph('es')}`;
}

export interface WindowsCalendarInput {
  arrangement: CalendarArrangement & { id: string };
  /** The port of a port feed, or every port of an arrangement feed. */
  ports: readonly CalendarPort[];
  from: string;
  to: string;
}

export function windowsCalendar({ arrangement, ports, from, to }: WindowsCalendarInput): string {
  const title = ports.length === 1 ? portName(ports[0]!) : arrangement.name;
  const calendar = new ICalCalendar({
    prodId: { company: 'Border Operations Console', product: 'Repatriation windows', language: 'EN' },
    name: `Repatriation windows · Ventanas de repatriación — ${title}`,
    // Subscribers re-read the feed hourly, so edits and closures reach them the same day.
    ttl: 60 * 60,
    // A VTIMEZONE for each event's zone. No calendar-wide zone name: the library would then
    // write DTSTAMP as a floating local time, where RFC 5545 wants UTC.
    timezone: { name: null, generator: vtimezone },
  });
  const stamp = Temporal.Instant.from(arrangement.updatedAt);

  for (const port of ports) {
    const name = portName(port);
    for (const span of expandWindowSpans(arrangement, port, instantMs(from), instantMs(to))) {
      const withZone = vtimezone(span.zone) !== null;
      // Zoned date-times, not Dates: with a Date and a TZID the library writes the server's clock time.
      const at = (ms: number) =>
        Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(withZone ? span.zone : 'UTC');
      calendar.createEvent({
        id: uid(span),
        sequence: arrangement.version,
        stamp,
        start: at(span.start),
        end: at(span.end),
        timezone: withZone ? span.zone : null,
        transparency: ICalEventTransparency.TRANSPARENT,
        summary: `Repatriation window · Ventana de repatriación — ${name}`,
        description: description(span, name, arrangement.illustrative, instantMs(from)),
        location: name,
      });
    }
  }
  return calendar.toString();
}
