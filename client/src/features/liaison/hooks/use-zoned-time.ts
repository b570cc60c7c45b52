import { useMemo } from 'react';
import { Temporal } from 'temporal-polyfill';
import { localeOf } from '@shared/i18n/index.js';
import { useI18n } from '@client/lib/i18n.js';

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Times as a mechanism keeps them: in its IANA zone with the zone's abbreviation, and the
 * viewer's own clock beside it when that reads differently. Spanish uses 24-hour times.
 */
export function useZonedTime() {
  const { language } = useI18n();
  return useMemo(() => {
    const locale = localeOf[language];
    const hourCycle = language === 'es' ? ('h23' as const) : undefined;
    const format = (timeZone: string, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { timeZone, hourCycle, ...options });
    const hm = { hour: 'numeric', minute: '2-digit' } as const;
    return {
      /** A zone as readers know it: "Pacific Time" / "hora del Pacífico" (the IANA id is for machines). */
      zoneName: (timeZone: string) =>
        format(timeZone, { timeZoneName: 'longGeneric' })
          .formatToParts(new Date())
          .find((part) => part.type === 'timeZoneName')?.value ?? timeZone,
      /** "2:00 PM PDT" / "14:00 GMT-7": a time of day with its zone. */
      clock: (iso: string, timeZone: string) =>
        format(timeZone, { ...hm, timeZoneName: 'short' }).format(new Date(iso)),
      /** "Wed, Jul 8, 2:00 PM": a moment within the coming days, in the zone. */
      dateTime: (iso: string, timeZone: string) =>
        format(timeZone, { weekday: 'short', month: 'short', day: 'numeric', ...hm }).format(new Date(iso)),
      /** "Wed, Jul 8": a local day. */
      day: (date: Temporal.PlainDate, timeZone: string) =>
        format(timeZone, { weekday: 'short', month: 'short', day: 'numeric' }).format(
          new Date(date.toZonedDateTime(timeZone).epochMilliseconds),
        ),
      /** A calendar date ("2026-07-09") as the reader writes dates: "Jul 9, 2026" / "9 jul 2026". */
      calendarDate: (date: string) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
      /** The viewer's clock at `iso` when it differs from the zone's, else null. */
      viewerClock: (iso: string, timeZone: string) => {
        const own = viewerZone();
        const at = new Date(iso);
        const there = format(timeZone, hm).format(at);
        const here = format(own, hm).format(at);
        return there === here ? null : format(own, { ...hm, timeZoneName: 'short' }).format(at);
      },
      /** A wall-clock date-time ("2026-07-20T10:00") read in `timeZone`, for meetings. */
      wallClock: (local: string, timeZone: string) =>
        format(timeZone, {
          weekday: 'short',
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          ...hm,
          timeZoneName: 'short',
        }).format(new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone).epochMilliseconds)),
    };
  }, [language]);
}
