import { useMemo } from 'react';
import { Temporal } from 'temporal-polyfill';
import { useI18n } from '@client/lib/i18n.js';
import { formatClockIn, formatInZone, viewerTimeZone, zoneAbbreviation, zoneName } from '@client/lib/zoned-time.js';

const hm = { hour: 'numeric', minute: '2-digit' } as const;

/**
 * Times as a mechanism keeps them: in its IANA zone with the zone's abbreviation (the
 * console's one spelling, client/src/lib/zoned-time.ts), and the viewer's own clock beside
 * it when that reads differently. Spanish uses 24-hour times.
 */
export function useZonedTime() {
  const { language } = useI18n();
  return useMemo(
    () => ({
      /** A zone as readers know it now: "Pacific Standard Time" / "hora estándar del Pacífico", or "UTC−7". */
      zoneName: (timeZone: string) => zoneName(timeZone, new Date(), language),
      /** "2:00 PM PDT" / "14:00 PDT": a time of day with its zone. */
      clock: (iso: string, timeZone: string) => formatClockIn(iso, timeZone, language),
      /** "Wed, Jul 8, 2:00 PM": a moment within the coming days, in the zone. */
      dateTime: (iso: string, timeZone: string) =>
        formatInZone(new Date(iso), timeZone, language, { weekday: 'short', month: 'short', day: 'numeric', ...hm }),
      /** "Wed, Jul 8": a local day. */
      day: (date: Temporal.PlainDate, timeZone: string) =>
        formatInZone(new Date(date.toZonedDateTime(timeZone).epochMilliseconds), timeZone, language, {
          weekday: 'short',
          month: 'short',
          day: 'numeric',
        }),
      /** A calendar date ("2026-07-09") as the reader writes dates: "Jul 9, 2026" / "9 jul 2026". */
      calendarDate: (date: string) =>
        formatInZone(new Date(`${date}T00:00:00Z`), 'UTC', language, { dateStyle: 'medium' }),
      /** The viewer's clock at `iso` when it differs from the zone's, else null. */
      viewerClock: (iso: string, timeZone: string) => {
        const [own, at] = [viewerTimeZone(), new Date(iso)];
        const there = formatInZone(at, timeZone, language, hm);
        return there === formatInZone(at, own, language, hm) ? null : formatClockIn(iso, own, language);
      },
      /** A wall-clock date-time ("2026-07-20T10:00") read in `timeZone`, for meetings. */
      wallClock: (local: string, timeZone: string) => {
        const at = new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds);
        const fields = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', ...hm } as const;
        return `${formatInZone(at, timeZone, language, fields)} ${zoneAbbreviation(timeZone, at)}`;
      },
    }),
    [language],
  );
}
